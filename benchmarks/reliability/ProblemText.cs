using System.Text.Json;

namespace Search.Reliability;

/// <summary>Reads the sentence out of the host's problem answers (RFC 9457 JSON).</summary>
public static class ProblemText
{
    /// <summary>The <c>detail</c> of a problem body; empty when the body is not a problem.</summary>
    public static string Detail(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() ?? "" : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }

    /// <summary><paramref name="text"/> cut to <paramref name="length"/> characters for a log line.</summary>
    public static string Shorten(string text, int length = 110) => text.Length <= length ? text : text[..length] + "…";
}

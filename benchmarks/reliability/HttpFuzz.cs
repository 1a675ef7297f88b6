using System.Text;

namespace Search.Reliability;

/// <summary>Random GET requests against the search API: query syntax soup and malformed parameter values.</summary>
public static class HttpFuzz
{
    private const string SyntaxAlphabet = "ab z*?~/[]{}()\"':^+-!&|\\.,09 TOANDORNOT{}<>é\u0000\u00ff\u4e2d";

    private static readonly string[] Parameters = ["size", "page", "from", "to", "sort", "fragments", "cursor", "facet", "year", "group", "speaker", "limit", "prefix"];

    private static readonly string[] Values = ["", "0", "-1", "1", "2147483648", "99999999999999999999", "abc", "2016", "16", "NaN", "1e3", " 7 ", "newest", "%00", "\u0000", "relevance,oldest", new string('9', 300)];

    /// <summary>A random query of up to <paramref name="maxLength"/> characters, mostly query syntax.</summary>
    public static string Query(Random random, int maxLength = 80)
    {
        var length = random.Next(maxLength + 1);
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
            builder.Append(SyntaxAlphabet[random.Next(SyntaxAlphabet.Length)]);
        return builder.ToString();
    }

    /// <summary>A random request path: <c>/api/search</c> or <c>/api/facets/{name}</c> with a fuzzed query and parameters.</summary>
    public static string Path(Random random)
    {
        var path = new StringBuilder(random.Next(5) == 0 ? "/api/facets/" + Pick(random, ["group", "speaker", "year", "nope", "%2e%2e"]) : "/api/search");
        path.Append("?q=").Append(Uri.EscapeDataString(Query(random)));
        for (var i = random.Next(4); i > 0; i--)
            path.Append('&').Append(Pick(random, Parameters)).Append('=').Append(Uri.EscapeDataString(Pick(random, Values)));
        return path.ToString();
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}

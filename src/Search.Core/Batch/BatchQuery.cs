using System.Globalization;
using Lucene.Net.QueryParsers.Classic;
using Search.Core.Querying;

namespace Search.Core.Batch;

/// <summary>
/// Turns a batch entry into the query text a search would be given, by its <see cref="BatchMatching"/>:
/// as typed; as one quoted phrase (with <c>~N</c> for proximity); or every word required and fuzzy
/// (<c>+word~N</c>). The result goes through the same parser as any search, so a batch entry and a
/// search for the same text count the same articles.
/// </summary>
internal static class BatchQuery
{
    /// <summary>Checks options that would make every entry fail, before any runs.</summary>
    /// <exception cref="InvalidSearchRequestException">The options are out of bounds or do not combine.</exception>
    public static void Validate(BatchMatching matching, string property)
    {
        if (matching.Fuzzy is < 0 or > SearchLimits.MaxFuzzyEdits)
            throw new InvalidSearchRequestException(property + "." + nameof(BatchMatching.Fuzzy), $"The fuzzy distance must be between 0 and {SearchLimits.MaxFuzzyEdits} edits; it was {matching.Fuzzy}.");
        if (matching.Proximity is < 0 or > SearchLimits.MaxProximity)
            throw new InvalidSearchRequestException(property + "." + nameof(BatchMatching.Proximity), $"The proximity must be between 0 and {SearchLimits.MaxProximity} words; it was {matching.Proximity}.");
        if (matching.Fuzzy > 0 && (matching.Phrase || matching.Proximity > 0))
            throw new InvalidSearchRequestException(property + "." + nameof(BatchMatching.Fuzzy), "Fuzzy words do not combine with a phrase; use the proximity to let a phrase's words move, or fuzzy without the phrase.");
    }

    /// <summary>The query for <paramref name="text"/>; <c>null</c> when the text has nothing to search for.</summary>
    public static string? For(string text, BatchMatching matching)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
            return null;
        if (matching.Fuzzy > 0)
        {
            var words = QueryCompiler.Words(trimmed);
            return words.Length == 0 ? null : string.Join(' ', words.Select(w => $"+{QueryParserBase.Escape(w)}~{matching.Fuzzy.ToString(CultureInfo.InvariantCulture)}"));
        }
        if (!matching.Phrase && matching.Proximity == 0)
            return trimmed;
        // Inside quotes the parser only treats quotes and backslashes specially; dropping them keeps the phrase whole.
        var phrase = string.Join(' ', trimmed.Replace('"', ' ').Replace('\\', ' ').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (phrase.Length == 0)
            return null;
        return matching.Proximity > 0
            ? $"\"{phrase}\"~{matching.Proximity.ToString(CultureInfo.InvariantCulture)}"
            : $"\"{phrase}\"";
    }
}

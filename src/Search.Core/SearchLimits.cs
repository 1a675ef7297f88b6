using System.Globalization;

namespace Search.Core;

/// <summary>
/// Every bound the library enforces, and the parsers for values front ends receive as text, in one
/// place: the host, the CLI and the shell read their limits and parse years and sort names here, so
/// a value valid in one front end is valid in all of them.
/// </summary>
public static class SearchLimits
{
    /// <summary>The earliest year a request or query may name: years have four digits, so "16" typed for 2016 is refused rather than read as the year 16.</summary>
    public const int MinYear = 1000;

    /// <summary>The latest year a request or query may name.</summary>
    public const int MaxYear = 9999;

    /// <summary>The longest query accepted, in characters.</summary>
    public const int MaxQueryLength = 2_000;

    /// <summary>The most hits one page can hold.</summary>
    public const int MaxPageSize = 100;

    /// <summary>How deep page-based paging may go (page × size); deeper pages need a cursor.</summary>
    public const int MaxPagingDepth = 10_000;

    /// <summary>The most values a facet may return per search (<see cref="FacetOptions.TopN"/>).</summary>
    public const int MaxFacetTopN = 1_000;

    /// <summary>The most values one facet-values request may return (<see cref="FacetValuesRequest.Limit"/>).</summary>
    public const int MaxFacetValuesLimit = 1_000;

    /// <summary>The number of values a facet-values request returns unless it says otherwise.</summary>
    public const int DefaultFacetValuesLimit = 20;

    /// <summary>The most passages a hit may return (<see cref="HighlightOptions.Passages"/>).</summary>
    public const int MaxPassages = 10;

    /// <summary>The shortest passage length a request may ask for, in characters.</summary>
    public const int MinPassageLength = 40;

    /// <summary>The longest passage length a request may ask for, in characters.</summary>
    public const int MaxPassageLength = 2_000;

    /// <summary>The longest regular expression (<c>/…/</c>) a query may hold, in characters.</summary>
    public const int MaxRegexLength = 256;

    /// <summary>
    /// The most automaton states the regular expressions and wildcards of one query may determinize
    /// to, all together, counting each step Lucene determinizes (including the UTF-8 form it runs
    /// over the index). Half of Lucene 5's <c>maxDeterminizedStates</c> default, which Lucene.Net
    /// 4.8 lacks: its determinization costs more per state, up to about a millisecond.
    /// </summary>
    public const int MaxDeterminizedStates = 5_000;

    /// <summary>The most index terms one wildcard, prefix or regular expression may match.</summary>
    public const int MaxExpandedTerms = 10_000;

    /// <summary>The most index terms one fuzzy term (<c>word~</c>) expands to: the closest ones are kept (Lucene's default).</summary>
    public const int MaxFuzzyExpansions = 50;

    /// <summary>The most fuzzy terms (<c>word~</c>) one query may hold.</summary>
    public const int MaxFuzzyTerms = 16;

    /// <summary>The most term, phrase and pattern clauses one query may compile to.</summary>
    public const int MaxQueryClauses = 1_024;

    /// <summary>The time a search may take unless the index (<see cref="SearchIndexOptions.TimeBudget"/>) or the request says otherwise.</summary>
    public static TimeSpan DefaultTimeBudget { get; } = TimeSpan.FromSeconds(2);

    /// <summary>The most time one request may ask for (<see cref="SearchRequest.TimeBudget"/>).</summary>
    public static TimeSpan MaxTimeBudget { get; } = TimeSpan.FromSeconds(30);

    /// <summary>The most buckets one date histogram may have (a century of months).</summary>
    public const int MaxHistogramBuckets = 1_200;

    /// <summary>The most rows, and the most columns, a pivot may return (<see cref="PivotRequest.TopRows"/>).</summary>
    public const int MaxPivotValues = 100;

    /// <summary>The most entries one batch may hold (<see cref="BatchRequest.Entries"/>).</summary>
    public const int MaxBatchEntries = 10_000;

    /// <summary>The most entries of a batch that run at once (<see cref="BatchRequest.Parallelism"/>).</summary>
    public const int MaxBatchParallelism = 64;

    /// <summary>The most edits a fuzzy word may allow (<see cref="BatchMatching.Fuzzy"/>): Lucene's fuzzy automata stop at two.</summary>
    public const int MaxFuzzyEdits = 2;

    /// <summary>The farthest apart a phrase's words may stand (<see cref="BatchMatching.Proximity"/>).</summary>
    public const int MaxProximity = 100;

    /// <summary>The embedded default index folder, relative to the repository root.</summary>
    public const string DefaultIndexPath = "index/.index";

    /// <summary>The sort names <see cref="TryParseSort"/> accepts, for messages.</summary>
    public const string SortNames = "relevance, newest or oldest";

    /// <summary>The sort names <see cref="TryParseSort"/> accepts, for option parsers that list them.</summary>
    public static IReadOnlyList<string> SortOrderNames { get; } = ["relevance", "newest", "oldest"];

    /// <summary>Whether <paramref name="year"/> is between <see cref="MinYear"/> and <see cref="MaxYear"/>.</summary>
    public static bool IsValidYear(int year) => year is >= MinYear and <= MaxYear;

    /// <summary>
    /// Reads a sort name, ignoring case and surrounding spaces: <c>relevance</c>, <c>newest</c> or
    /// <c>oldest</c>. Blank text is valid and gives <c>null</c>: the library's default order.
    /// </summary>
    public static bool TryParseSort(string? text, out SortOrder? sort)
    {
        sort = null;
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "":
                return true;
            case "relevance":
                sort = SortOrder.Relevance;
                return true;
            case "newest":
                sort = SortOrder.Newest;
                return true;
            case "oldest":
                sort = SortOrder.Oldest;
                return true;
            default:
                return false;
        }
    }

    /// <summary>The sentence for an unknown sort name.</summary>
    public static string UnknownSort(string text) => $"Unknown sort '{text}'; use {SortNames}.";
}

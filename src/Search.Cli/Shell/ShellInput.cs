using System.Globalization;
using Search.Core;

namespace Search.Cli.Shell;

/// <summary>One line typed at the shell, parsed: a query or a command.</summary>
internal abstract record ShellInput
{
    /// <summary>A new query (any line that does not start with ':').</summary>
    public sealed record Query(string Text) : ShellInput;

    /// <summary><c>:f N</c> — filter on the facet value numbered N below the hits.</summary>
    public sealed record PickFacet(int Number) : ShellInput;

    /// <summary><c>:filter speaker Matthew Miller</c> — filter on a named value.</summary>
    public sealed record AddFilter(string Facet, string Value) : ShellInput;

    /// <summary><c>:u N</c> — drop filter N; <c>:u all</c> (Number null) drops every filter and the year range.</summary>
    public sealed record RemoveFilter(int? Number) : ShellInput;

    /// <summary><c>:clear</c> — drop filters, years and sort, keep the query.</summary>
    public sealed record Clear : ShellInput;

    /// <summary><c>:years 2016 2020</c>, <c>:years 2016</c>, <c>:years</c> (clears).</summary>
    public sealed record Years(int? From, int? To) : ShellInput;

    /// <summary><c>:n</c> — next page.</summary>
    public sealed record Next : ShellInput;

    /// <summary><c>:p</c> — previous page.</summary>
    public sealed record Previous : ShellInput;

    /// <summary><c>:open N</c> — the full article behind hit N.</summary>
    public sealed record Open(int Number) : ShellInput;

    /// <summary><c>:similar N</c> — articles like hit N, under the current filters.</summary>
    public sealed record Similar(int Number) : ShellInput;

    /// <summary><c>:why N</c> — hit N's score by term and the evidence for its facet values.</summary>
    public sealed record Why(int Number) : ShellInput;

    /// <summary><c>:sort newest</c>; Order null returns to the default.</summary>
    public sealed record Sort(SortOrder? Order) : ShellInput;

    /// <summary><c>:values speaker Mi</c> — a facet's values, optionally by prefix.</summary>
    public sealed record Values(string Facet, string Prefix) : ShellInput;

    /// <summary><c>:quotes TTP</c> — statements whose words match, under the current speaker, group and year filters.</summary>
    public sealed record Quotes(string Text) : ShellInput;

    /// <summary><c>:state</c> — the current query and refinements.</summary>
    public sealed record State : ShellInput;

    /// <summary><c>:timeline [year|month]</c>: the current search's matches over time, as bars.</summary>
    public sealed record Timeline(CalendarInterval Interval) : ShellInput;

    /// <summary><c>:pivot ROWS COLUMNS</c>: the current search's matches counted for pairs of two facets' values.</summary>
    public sealed record Pivot(string Rows, string Columns) : ShellInput;

    /// <summary><c>:history</c> — lines typed so far.</summary>
    public sealed record History : ShellInput;

    /// <summary><c>:help</c>.</summary>
    public sealed record Help : ShellInput;

    /// <summary><c>:quit</c> / <c>:q</c>.</summary>
    public sealed record Quit : ShellInput;

    /// <summary><c>:save NAME</c> — keep the current search under a name, with the index.</summary>
    public sealed record SaveSearch(string Name) : ShellInput;

    /// <summary><c>:saved</c> — the saved searches with match and new-match counts.</summary>
    public sealed record ListSaved : ShellInput;

    /// <summary><c>:run NAME</c> — the matches of a saved search indexed since its last run; it becomes the current search.</summary>
    public sealed record RunSaved(string Name) : ShellInput;

    /// <summary>A line that is not a valid command, with the one line to print about it.</summary>
    public sealed record Invalid(string Message) : ShellInput;
}

/// <summary>Parses shell lines into <see cref="ShellInput"/>. Pure: no state, no I/O.</summary>
internal static class ShellInputParser
{
    /// <summary>Every command with a one-line description, as <c>:help</c> lists them.</summary>
    public static IReadOnlyList<(string Usage, string Description)> Commands { get; } =
    [
        ("<query>", "search (words, \"phrases\", AND/OR/NOT, group:TTP); filters and sort are kept"),
        (":f N  |  :filter FACET VALUE", "filter on facet value N from the list below the hits, or on a named value"),
        (":u N  |  :unfilter N|all", "drop filter N (numbered in :state and the prompt), or all filters and years"),
        (":years FROM [TO]  |  :years", "only articles published in these years; no years clears the range"),
        (":sort relevance|newest|oldest|default", "order the hits"),
        (":n  |  :next", "next page"),
        (":p  |  :prev", "previous page"),
        (":open N", "full text of hit N with matches highlighted, metadata and the evidence for each facet value"),
        (":similar N", "articles like hit N (same subject, other stories), under the current filters"),
        (":why N", "why hit N matched: its score by term, and the sentence and rule or alias behind each facet value"),
        (":values FACET [PREFIX]", "list a facet's values under this search (for example :values speaker Mi)"),
        (":quotes WORDS", "statements (what speakers said) matching the words, under the speaker, group and year filters"),
        (":timeline [year|month]", "this search's matches over time as bars, with each period's share of all articles"),
        (":pivot ROWS COLUMNS", "count this search's matches for pairs of two facets' values (for example :pivot speaker group)"),
        (":clear", "drop every filter, year range and sort; keep the query"),
        (":save NAME", "save this search (query, filters, years, sort) under a name, with the index"),
        (":saved", "list the saved searches with how many matches each has and how many are new"),
        (":run NAME", "what is new in a saved search since its last run; it becomes the current search"),
        (":state", "show the query, filters, years, sort and page"),
        (":history", "list the lines typed so far"),
        (":help", "this list"),
        (":quit  |  :q", "leave (Ctrl-D too)"),
    ];

    /// <summary>Parses one line; a blank line gives <c>null</c>.</summary>
    public static ShellInput? Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var text = line.Trim();
        if (text.Length == 0)
            return null;
        if (text[0] != ':')
            return new ShellInput.Query(text);

        var parts = text[1..].Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var name = parts.Length == 0 ? "" : parts[0].ToLowerInvariant();
        var rest = parts.Length > 1 ? parts[1] : "";
        return name switch
        {
            "f" or "filter" => ParseFilter(rest),
            "u" or "unfilter" => ParseUnfilter(rest),
            "clear" => NoArguments(rest, name, new ShellInput.Clear()),
            "years" or "year" => ParseYears(rest),
            "n" or "next" => NoArguments(rest, name, new ShellInput.Next()),
            "p" or "prev" or "previous" => NoArguments(rest, name, new ShellInput.Previous()),
            "open" or "o" => TryNumber(rest, out var hit) ? new ShellInput.Open(hit) : new ShellInput.Invalid("Usage: :open N, where N is a hit number shown above."),
            "similar" or "s" => TryNumber(rest, out var like) ? new ShellInput.Similar(like) : new ShellInput.Invalid("Usage: :similar N, where N is a hit number shown above."),
            "why" => TryNumber(rest, out var why) ? new ShellInput.Why(why) : new ShellInput.Invalid("Usage: :why N, where N is a hit number shown above."),
            "sort" => ParseSort(rest),
            "values" or "v" => ParseValues(rest),
            "quotes" => new ShellInput.Quotes(rest),
            "state" => NoArguments(rest, name, new ShellInput.State()),
            "timeline" or "t" => ParseTimeline(rest),
            "pivot" => ParsePivot(rest),
            "save" => rest.Length > 0 ? new ShellInput.SaveSearch(rest) : new ShellInput.Invalid("Usage: :save NAME."),
            "saved" => NoArguments(rest, name, new ShellInput.ListSaved()),
            "run" => rest.Length > 0 ? new ShellInput.RunSaved(rest) : new ShellInput.Invalid("Usage: :run NAME (see :saved)."),
            "history" => NoArguments(rest, name, new ShellInput.History()),
            "help" or "h" or "?" => new ShellInput.Help(),
            "quit" or "q" or "exit" => new ShellInput.Quit(),
            _ => new ShellInput.Invalid($"Unknown command ':{name}'. Type :help for the list of commands."),
        };
    }

    /// <summary>Maps a facet name, its plural or its initial (when no other facet shares it) to the facet, or <c>null</c>.</summary>
    public static string? ParseFacet(string name)
    {
        var names = FacetSchema.Default.Names;
        var lower = name.ToLowerInvariant();
        return names.FirstOrDefault(f => lower == f || lower == f + "s")
            ?? (lower.Length == 1 && names.Count(f => f[0] == lower[0]) == 1 ? names.First(f => f[0] == lower[0]) : null);
    }

    private static string FacetChoices => string.Join("|", FacetSchema.Default.Names);

    private static ShellInput ParseFilter(string rest)
    {
        if (TryNumber(rest, out var number))
            return new ShellInput.PickFacet(number);
        var parts = rest.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 2 && ParseFacet(parts[0]) is { } facet)
        {
            var definition = FacetSchema.Default.Get(facet);
            if (definition.Kind == FacetKind.Integer && !definition.TryParseInteger(parts[1], out _))
                return new ShellInput.Invalid(definition.InvalidValueMessage(parts[1]));
            return new ShellInput.AddFilter(facet, parts[1]);
        }
        return new ShellInput.Invalid($"Usage: :f N (a number from the facet list) or :filter {FacetChoices} VALUE.");
    }

    private static ShellInput ParseUnfilter(string rest)
    {
        if (rest.Equals("all", StringComparison.OrdinalIgnoreCase))
            return new ShellInput.RemoveFilter(null);
        return TryNumber(rest, out var number)
            ? new ShellInput.RemoveFilter(number)
            : new ShellInput.Invalid("Usage: :u N (a filter number from :state) or :u all.");
    }

    private static ShellInput ParseYears(string rest)
    {
        var parts = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || (parts.Length == 1 && parts[0] is "off" or "all"))
            return new ShellInput.Years(null, null);
        if (parts.Length > 2 || !parts.All(p => IsYear(p, out _)))
            return new ShellInput.Invalid("Usage: :years FROM [TO], with four-digit years, such as :years 2016 2020.");
        IsYear(parts[0], out var from);
        var to = from;
        if (parts.Length == 2)
            IsYear(parts[1], out to);
        return from > to
            ? new ShellInput.Invalid($"The year range starts after it ends ({from} to {to}).")
            : new ShellInput.Years(from, to);
    }

    /// <summary>The library's sort names, plus the shell's short forms and <c>default</c>.</summary>
    private static ShellInput ParseSort(string rest)
    {
        var name = rest.ToLowerInvariant() switch
        {
            "r" => "relevance",
            "new" => "newest",
            "old" => "oldest",
            "default" => "",
            var other => other,
        };
        return SearchLimits.TryParseSort(name, out var sort)
            ? new ShellInput.Sort(sort)
            : new ShellInput.Invalid($"Unknown sort '{rest}'; use {SearchLimits.SortNames.Replace(" or ", ", ", StringComparison.Ordinal)} or default.");
    }

    private static ShellInput ParseValues(string rest)
    {
        var parts = rest.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0 || ParseFacet(parts[0]) is not { } facet)
            return new ShellInput.Invalid($"Usage: :values {FacetChoices} [PREFIX].");
        return new ShellInput.Values(facet, parts.Length > 1 ? parts[1] : "");
    }

    private static ShellInput ParseTimeline(string rest)
    {
        if (rest.Length == 0)
            return new ShellInput.Timeline(CalendarInterval.Year);
        return CalendarPeriod.TryParseInterval(rest, out var interval)
            ? new ShellInput.Timeline(interval)
            : new ShellInput.Invalid("Usage: :timeline [year|month].");
    }

    private static ShellInput ParsePivot(string rest)
    {
        var parts = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2 && ParseFacet(parts[0]) is { } rows && ParseFacet(parts[1]) is { } columns
            ? new ShellInput.Pivot(rows, columns)
            : new ShellInput.Invalid($"Usage: :pivot ROWS COLUMNS, two of {FacetChoices}.");
    }

    private static ShellInput NoArguments(string rest, string name, ShellInput input) =>
        rest.Length == 0 ? input : new ShellInput.Invalid($":{name} takes no arguments.");

    private static bool TryNumber(string text, out int number) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number);

    private static bool IsYear(string text, out int year) => FacetSchema.Year.TryParseInteger(text, out year);
}

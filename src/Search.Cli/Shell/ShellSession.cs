using System.Globalization;
using Search.Cli.Rendering;
using Search.Core;
using Spectre.Console;

namespace Search.Cli.Shell;

/// <summary>
/// The shell's behaviour, apart from reading lines: runs each line against the index and prints
/// one result block. Results go to <c>output</c>; a line that cannot be carried out gets one
/// sentence on <c>error</c> and the session goes on.
/// </summary>
internal sealed partial class ShellSession
{
    private readonly ISearchBackend _backend;
    private readonly IAnsiConsole _output;
    private readonly TextWriter _error;
    private readonly List<string> _history = [];
    private readonly HashSet<string> _saidWarnings = new(StringComparer.Ordinal);
    private readonly ShellPager? _pager;
    private SearchResponse? _last;
    private IReadOnlyList<NumberedFacetValue> _facetValues = [];

    /// <summary>
    /// Creates a session over an open index or a cluster; output taller than the terminal goes through
    /// <paramref name="pager"/>, when given. Over a cluster, the commands that need the local index say so.
    /// </summary>
    public ShellSession(ISearchBackend index, IAnsiConsole output, TextWriter error, ShellPager? pager = null)
    {
        _backend = index;
        _output = output;
        _error = error;
        _pager = pager;
    }

    /// <summary>The current search.</summary>
    public ShellState State { get; private set; } = new();

    /// <summary>Lines typed so far, oldest first.</summary>
    public IReadOnlyList<string> History => _history;

    /// <summary>The prompt text: the active refinements, if any, then "search>".</summary>
    public string Prompt => State.HasRefinements ? $"search [{State.DescribeRefinements()}]> " : "search> ";

    /// <summary>Carries out one line; returns <c>false</c> when the session should end.</summary>
    /// <exception cref="OperationCanceledException">Never: a cancelled search is reported and the session goes on.</exception>
    public bool Execute(string line, CancellationToken cancellation = default)
    {
        var input = ShellInputParser.Parse(line);
        if (input is null)
            return true;
        _history.Add(line.Trim());
        if (_backend is not SearchIndex && NeedsLocalIndex(input))
        {
            Fail("This command needs the local index, and the shell is searching a cluster; start the shell without --elasticsearch to use it.");
            return true;
        }
        switch (input)
        {
            case ShellInput.Quit:
                return false;
            case ShellInput.Invalid invalid:
                Fail(invalid.Message);
                break;
            case ShellInput.Query query:
                Run(State.WithQuery(query.Text), cancellation);
                break;
            case ShellInput.PickFacet pick:
                PickFacet(pick.Number, cancellation);
                break;
            case ShellInput.AddFilter filter:
                Run(State.WithFilter(new ShellFilter(filter.Facet, filter.Value)), cancellation);
                break;
            case ShellInput.RemoveFilter { Number: null }:
                if (State.Filters.Count == 0 && State.YearFrom is null && State.YearTo is null)
                    Fail("There are no filters to remove.");
                else
                    Run(State.WithoutFilters(), cancellation);
                break;
            case ShellInput.RemoveFilter { Number: int number }:
                if (State.Filters.Count == 0)
                    Fail("There are no filters to remove.");
                else if (number < 1 || number > State.Filters.Count)
                    Fail($"There is no filter {number}; the filters are numbered 1–{State.Filters.Count} (see :state).");
                else
                    Run(State.WithoutFilter(number), cancellation);
                break;
            case ShellInput.Clear:
                Run(State.Cleared(), cancellation);
                break;
            case ShellInput.Years years:
                Run(State.WithYears(years.From, years.To), cancellation);
                break;
            case ShellInput.Sort sort:
                Run(State.WithSort(sort.Order), cancellation);
                break;
            case ShellInput.Next:
                if (_last is null)
                    Fail("Type a query first.");
                else if (State.FirstHitNumber + _last.Hits.Count > _last.Total)
                    Fail("This is the last page.");
                else
                    Run(State with { Page = State.Page + 1 }, cancellation);
                break;
            case ShellInput.Previous:
                if (State.Page == 1)
                    Fail("This is the first page.");
                else
                    Run(State with { Page = State.Page - 1 }, cancellation);
                break;
            case ShellInput.Open open:
                OpenHit(open.Number);
                break;
            case ShellInput.Similar similar:
                if (HitAt(similar.Number) is { } like)
                    ShellDiscovery.Similar(LocalIndex, _output, _error, like, State, cancellation);
                break;
            case ShellInput.Why why:
                if (HitAt(why.Number) is { } explained)
                    ShellDiscovery.Why(LocalIndex, _output, _error, explained, State, cancellation);
                break;
            case ShellInput.Values values:
                ListValues(values.Facet, values.Prefix, cancellation);
                break;
            case ShellInput.Quotes quotes:
                SearchQuotes(quotes.Text, cancellation);
                break;
            case ShellInput.State:
                WriteState();
                break;
            case ShellInput.Timeline timeline:
                Show(() => AnalysisRenderer.WriteHistogram(_output, _backend.Search(State.ToRequest() with { Size = 0, Facets = new FacetOptions { Names = [] }, Histogram = new HistogramOptions { Interval = timeline.Interval } }, cancellation).Histogram!));
                break;
            case ShellInput.Pivot pivot:
                Show(() => AnalysisRenderer.WritePivot(_output, LocalIndex.Pivot(new PivotRequest { Rows = pivot.Rows, Columns = pivot.Columns, Search = State.ToRequest() }, cancellation)));
                break;
            case ShellInput.History:
                for (var i = 0; i < _history.Count; i++)
                    _output.WriteLine($"{(i + 1).ToString(CultureInfo.InvariantCulture),4}  {_history[i]}");
                _output.WriteLine();
                break;
            case ShellInput.Help:
                WriteHelp();
                break;
            case ShellInput.SaveSearch or ShellInput.ListSaved or ShellInput.RunSaved:
                if (ShellSavedSearches.Execute(input, LocalIndex, State, _output, _error, cancellation) is { } loaded)
                    State = loaded;
                break;
        }
        return true;
    }

    private static bool NeedsLocalIndex(ShellInput input) =>
        input is ShellInput.Similar or ShellInput.Why or ShellInput.Quotes or ShellInput.Pivot
            or ShellInput.SaveSearch or ShellInput.ListSaved or ShellInput.RunSaved;

    /// <summary>The local index, for the commands <see cref="NeedsLocalIndex"/> lets through only when there is one.</summary>
    private SearchIndex LocalIndex => (SearchIndex)_backend;

    private void Run(ShellState next, CancellationToken cancellation)
    {
        SearchResponse response;
        try
        {
            response = _backend.Search(next.ToRequest(), cancellation);
        }
        // A cluster that is away is said, and the session goes on, as for a bad request.
        catch (Exception e) when (e is InvalidSearchRequestException or BackendUnavailableException)
        {
            Fail(e.Message);
            return;
        }
        catch (OperationCanceledException)
        {
            Fail("Search cancelled.");
            return;
        }
        // A warning about the query is said once, not again after :sort, :clear or paging.
        if (_last is null || next.Query != State.Query)
            _saidWarnings.Clear();
        var shown = response with { Warnings = response.Warnings.Where(_saidWarnings.Add).ToArray() };
        State = next;
        _last = response;
        Emit(console =>
        {
            _facetValues = ResultRenderer.Write(console, shown, _backend.Facets, next.FirstHitNumber, numberFacets: true);
            console.WriteLine();
        });
    }

    private void Emit(Action<IAnsiConsole> write)
    {
        if (_pager is null)
            write(_output);
        else
            _pager.Show(write);
    }

    private void PickFacet(int number, CancellationToken cancellation)
    {
        if (_facetValues.Count == 0)
        {
            Fail("No facet values are listed yet; type a query (or :values FACET) first.");
            return;
        }
        if (number < 1 || number > _facetValues.Count)
        {
            Fail($"There is no facet value {number}; pick one of 1–{_facetValues.Count} from the list.");
            return;
        }
        var value = _facetValues[number - 1];
        if (State.Filters.Contains(new ShellFilter(value.Facet, value.Value)))
        {
            Fail($"Already filtering on {value.Facet} {value.Value}; :u removes a filter.");
            return;
        }
        Run(State.WithFilter(new ShellFilter(value.Facet, value.Value)), cancellation);
    }

    /// <summary>Hit <paramref name="number"/> of the page shown, or <c>null</c> after saying why there is none.</summary>
    private SearchHit? HitAt(int number)
    {
        var first = State.FirstHitNumber;
        if (_last is null || _last.Hits.Count == 0)
        {
            Fail("There are no hits yet; type a query first.");
            return null;
        }
        var last = first + _last.Hits.Count - 1;
        if (number < first || number > last)
        {
            Fail($"There is no hit {number} on this page; pick one of {first}–{last}.");
            return null;
        }
        return _last.Hits[number - first];
    }

    private void OpenHit(int number)
    {
        if (HitAt(number) is not { } hit)
            return;
        ArticleHighlight? article;
        try
        {
            article = _backend.HighlightArticle(hit.Id, State.Query);
        }
        catch (Exception e) when (e is InvalidSearchRequestException or BackendUnavailableException)
        {
            Fail(e.Message);
            return;
        }
        if (article is null)
        {
            Fail($"Article '{hit.Id}' is no longer in the index.");
            return;
        }
        Emit(console =>
        {
            ArticleRenderer.Write(console, article, _backend.Facets);
            console.WriteLine();
        });
    }

    private void ListValues(string facet, string prefix, CancellationToken cancellation)
    {
        IReadOnlyList<FacetValue> values;
        try
        {
            values = _backend.GetFacetValues(new FacetValuesRequest { Facet = facet, Prefix = prefix, Search = State.ToRequest() }, cancellation);
        }
        catch (Exception e) when (e is InvalidSearchRequestException or BackendUnavailableException)
        {
            Fail(e.Message);
            return;
        }
        catch (OperationCanceledException)
        {
            Fail("Listing cancelled.");
            return;
        }
        var numbered = values.Select((v, i) => new NumberedFacetValue(i + 1, facet, v.Value, v.Selected)).ToArray();
        var heading = prefix.Length == 0 ? $"{facet} values" : $"{facet} values matching '{prefix}'";
        _output.MarkupLine($"[dim]{Markup.Escape(heading)}:[/]");
        if (values.Count == 0)
            _output.WriteLine("  none");
        for (var i = 0; i < values.Count; i++)
        {
            var label = $"{Markup.Escape(values[i].Value)} ({values[i].Count.ToString(CultureInfo.InvariantCulture)})";
            _output.MarkupLine($"  [[{(i + 1).ToString(CultureInfo.InvariantCulture)}]] {(values[i].Selected ? $"[bold green]{label} ✓[/]" : label)}");
        }
        _output.WriteLine();
        if (numbered.Length > 0)
            _facetValues = numbered;
    }

    private void WriteState()
    {
        _output.WriteLine($"query: {(State.Query.Length == 0 ? "(none: browsing all)" : State.Query)}");
        _output.WriteLine(State.Filters.Count == 0 ? "filters: none" : "filters:");
        for (var i = 0; i < State.Filters.Count; i++)
            _output.WriteLine($"  {(i + 1).ToString(CultureInfo.InvariantCulture)}. {State.Filters[i].Facet} = {State.Filters[i].Value}");
        var years = State.YearFrom is null && State.YearTo is null ? "any" : State.YearFrom == State.YearTo ? $"{State.YearFrom}" : $"{State.YearFrom}–{State.YearTo}";
        _output.WriteLine($"years: {years}");
        _output.WriteLine($"sort: {State.Sort?.ToString().ToLowerInvariant() ?? "default"}");
        _output.WriteLine($"page: {State.Page.ToString(CultureInfo.InvariantCulture)}");
        _output.WriteLine();
    }

    private void WriteHelp()
    {
        var width = ShellInputParser.Commands.Max(c => c.Usage.Length);
        foreach (var (usage, description) in ShellInputParser.Commands)
            _output.MarkupLine($"  [bold]{Markup.Escape(usage.PadRight(width))}[/]  {Markup.Escape(description)}");
        _output.WriteLine();
    }

    /// <summary>Runs a view of the current search, reporting a refused or cancelled one as one sentence.</summary>
    private void Show(Action view)
    {
        try
        {
            view();
            _output.WriteLine();
        }
        catch (InvalidSearchRequestException e)
        {
            Fail(e.Message);
        }
        catch (OperationCanceledException)
        {
            Fail("Search cancelled.");
        }
    }

    private void Fail(string message) => _error.WriteLine(message);
}

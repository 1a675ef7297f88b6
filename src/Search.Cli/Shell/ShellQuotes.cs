using Search.Cli.Rendering;
using Search.Core;

namespace Search.Cli.Shell;

/// <summary>The shell's <c>:quotes</c>: a statement search that keeps the session's speaker, group and year filters.</summary>
internal sealed partial class ShellSession
{
    private void SearchQuotes(string words, CancellationToken cancellation)
    {
        var request = new QuoteRequest
        {
            Query = words,
            Speakers = State.Filters.Where(f => f.Facet == FacetNames.Speaker).Select(f => f.Value).ToArray(),
            Groups = State.Filters.Where(f => f.Facet == FacetNames.Group).Select(f => f.Value).ToArray(),
            FromYear = State.YearFrom,
            ToYear = State.YearTo,
        };
        try
        {
            QuoteRenderer.Write(_output, LocalIndex.SearchQuotes(request, cancellation));
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
}

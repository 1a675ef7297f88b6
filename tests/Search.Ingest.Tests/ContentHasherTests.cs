using Search.Core;

namespace Search.Ingest.Tests;

public sealed class ContentHasherTests
{
    // Stored hashes decide which files a re-index skips: these literals were computed by the
    // reflection-based serializer the hasher used before, and must never change.
    [Fact]
    public void A_full_article_hashes_as_it_always_has()
    {
        var article = new Article
        {
            Id = "ignored-id",
            Title = "Kirby: “We won’t <back> down” & more",
            Body = "ISLAMABAD: The Lashkar-e-Taiba (LeT) — said to be \"active\" — was named.\n\nJohn Kirby said: 'It's over.' Café naïve 日本 \U0001F600 tab\there.",
            Url = "https://example.com/a?b=1&c=2",
            Byline = null,
            Source = "ignored-source",
            Published = new DateTimeOffset(2023, 5, 17, 9, 30, 15, TimeSpan.FromHours(5)),
            Facets = new Dictionary<string, IReadOnlyList<string>>
            {
                ["speaker"] = ["John Kirby"],
                ["year"] = ["2023"],
                ["group"] = ["Lashkar-e-Taiba", "Jaish-e-Mohammed"],
                ["topic"] = [],
            },
            Evidence =
            [
                new FacetEvidence("group", "Lashkar-e-Taiba", "The Lashkar-e-Taiba (LeT) was named.") { Rule = "not hashed" },
                new FacetEvidence("speaker", "John Kirby", "John Kirby said: 'It's over.'"),
            ],
            Statements = [new Statement("John Kirby", "It's over.", "John Kirby said: 'It's over.'", 0)],
            ContentHash = "ignored",
        };

        Assert.Equal("68ba8deda5f3f2825ec4d00a456b4cc28d00bfc8b3125088baa9fe286510ca14", ContentHasher.Compute(article));
    }

    [Fact]
    public void A_bare_article_hashes_as_it_always_has()
    {
        var article = new Article { Id = "x", Body = "Just a line." };

        Assert.Equal("0458a5551fb50fc2e6f6ae540b5a069b6f2a5f5fceeabfbd45734993f90e079e", ContentHasher.Compute(article));
    }
}

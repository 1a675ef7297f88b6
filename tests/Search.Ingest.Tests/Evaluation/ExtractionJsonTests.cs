using Search.Core;
using Search.Ingest.Evaluation;

namespace Search.Ingest.Tests.Evaluation;

public sealed class ExtractionJsonTests
{
    [Fact]
    public void ExtractJson_WhenArticle_HasExactShape()
    {
        var article = new Article
        {
            Id = "sub/a.txt",
            Source = "in/sub/a.txt",
            Title = "Envoy urges action",
            Facets = new Dictionary<string, IReadOnlyList<string>>
            {
                ["group"] = ["Lashkar-e-Taiba"],
                ["speaker"] = ["Donald Lu"],
                ["year"] = ["2022"],
            },
            Evidence =
            [
                new FacetEvidence(FacetNames.Group, "Lashkar-e-Taiba", "LeT remains."),
                new FacetEvidence(FacetNames.Speaker, "Donald Lu", "Lu said so."),
                new FacetEvidence(FacetNames.Year, "2022", "Friday, December 9, 2022"),
            ],
        };

        var json = ExtractionJson.Serialize(article);

        Assert.Equal(
            """{"file":"in/sub/a.txt","id":"sub/a.txt","title":"Envoy urges action","year":2022,"groups":["Lashkar-e-Taiba"],"speakers":["Donald Lu"],"evidence":{"group":{"Lashkar-e-Taiba":"LeT remains."},"speaker":{"Donald Lu":"Lu said so."},"year":{"2022":"Friday, December 9, 2022"}}}""",
            json);
    }

    [Fact]
    public void ExtractJson_WhenNoTitleOrYear_WritesNulls()
    {
        var json = ExtractionJson.Serialize(new Article { Id = "a.txt" }, file: "a.txt");

        Assert.Equal("""{"file":"a.txt","id":"a.txt","title":null,"year":null,"groups":[],"speakers":[],"evidence":{"group":{},"speaker":{},"year":{}}}""", json);
    }
}

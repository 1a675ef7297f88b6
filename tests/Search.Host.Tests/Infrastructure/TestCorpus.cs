using Search.Core;

namespace Search.Host.Tests.Infrastructure;

/// <summary>The articles every host test searches, with known groups, speakers and dates.</summary>
internal static class TestCorpus
{
    public const string XssId = "xss-1";

    public static IReadOnlyList<Article> Articles { get; } =
    [
        Make("fo-let-2019", "Foreign Office condemns Lashkar-e-Taiba attack", 2019, 3, 1, ["Lashkar-e-Taiba"], ["Mohammad Faisal"],
            "Foreign Office spokesman Mohammad Faisal said Pakistan condemned the attack. He said militants of Lashkar-e-Taiba would face the ban in full.",
            [new FacetEvidence("group", "Lashkar-e-Taiba", "He said militants of Lashkar-e-Taiba would face the ban in full."),
             new FacetEvidence("speaker", "Mohammad Faisal", "Foreign Office spokesman Mohammad Faisal said Pakistan condemned the attack."),
             new FacetEvidence("year", "2019", "Published 2019-03-01 (metadata)")]),
        Make("jem-ban-2019", "Pakistan bans charity wings of Jaish-e-Mohammed", 2019, 3, 5, ["Jaish-e-Mohammed"], ["Shah Mehmood Qureshi"],
            "Foreign Minister Shah Mehmood Qureshi said the government had frozen the assets of Jaish-e-Mohammed charities."),
        Make("us-let-jem-2019", "Washington urges action against Lashkar-e-Taiba and Jaish-e-Mohammed", 2019, 6, 10, ["Lashkar-e-Taiba", "Jaish-e-Mohammed"], ["Mike Pompeo"],
            "Secretary of State Mike Pompeo said Pakistan must act against Lashkar-e-Taiba and Jaish-e-Mohammed."),
        Make("ttp-peshawar-2022", "TTP claims attack in Peshawar", 2022, 12, 20, ["Tehrik-i-Taliban Pakistan"], ["Shehbaz Sharif"],
            "Prime Minister Shehbaz Sharif said the attack claimed by the Pakistani Taliban would not go unpunished."),
        Make("haqqani-2023", "State Department comments on Haqqani Network", 2023, 5, 2, ["Haqqani Network"], ["Matthew Miller"],
            "Spokesman Matthew Miller said the Haqqani Network remained a threat to the region."),
        Make("is-cells-2021", "Interior ministry briefs on Islamic State cells", 2021, 1, 15, ["Islamic State"], ["Sheikh Rashid Ahmed"],
            "Interior Minister Sheikh Rashid Ahmed said Islamic State cells had been broken up in Karachi."),
        Make(XssId, "Ceasefire statement quoting <script>window.__xss=1</script> markup", 2020, 2, 2, ["Tehrik-i-Taliban Pakistan"], ["Mike Pompeo"],
            "The ceasefire statement contained <script>window.__xss=1</script> and <img src=x onerror=\"window.__xss=2\"> as plain text. Mike Pompeo said the ceasefire should hold."),
        new Article { Id = "undated-1", Title = "Undated note on militancy", Body = "An undated note on militancy in the region." },
    ];

    /// <summary>Builds a fresh index folder holding <see cref="Articles"/>; the caller deletes it.</summary>
    public static string BuildIndex()
    {
        var path = Path.Combine(Path.GetTempPath(), "search-host-tests-" + Guid.NewGuid().ToString("N"));
        using var writer = ArticleWriter.Open(path);
        foreach (var article in Articles)
            writer.Upsert(article);
        writer.Commit("tests");
        return path;
    }

    private static Article Make(
        string id, string title, int year, int month, int day, string[] groups, string[] speakers, string body, FacetEvidence[]? evidence = null) => new()
        {
            Id = id,
            Title = title,
            Body = body,
            Url = $"https://example.org/{id}",
            Published = new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero),
            Facets = new Dictionary<string, IReadOnlyList<string>>
            {
                [FacetNames.Group] = groups,
                [FacetNames.Speaker] = speakers,
                [FacetNames.Year] = [year.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            },
            Evidence = evidence ?? [],
        };
}

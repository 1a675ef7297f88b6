using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Search.Benchmarks.Corpora;
using Search.Core.Analysis;

namespace Search.Core.Tests.Analysis;

/// <summary>
/// The fused <see cref="EnglishTermFilter"/> against the chain of Lucene's own filters it replaces:
/// every token, position, offset and end state the same, in index and in query analysis, including
/// on words met a second time (its remembered stems).
/// </summary>
public sealed class EnglishTermFilterTests
{
    /// <summary>The news analysis as it was built from Lucene's filters, one per step.</summary>
    private sealed class StockChain(bool forQuery) : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(SearchSchema.Version, reader);
            TokenStream stream = new GroupAliasFilter(source, GroupAliasTable.Default, forQuery);
            stream = new EnglishPossessiveFilter(SearchSchema.Version, stream);
            stream = new LowerCaseFilter(SearchSchema.Version, stream);
            stream = new ASCIIFoldingFilter(stream);
            stream = new StopFilter(SearchSchema.Version, stream, EnglishAnalyzer.DefaultStopSet);
            stream = new PorterStemFilter(stream);
            return new TokenStreamComponents(source, stream);
        }
    }

    public static TheoryData<string> Texts() =>
    [
        "",
        "The",
        "it was the end of the",
        "Pakistan's Foreign Office said LeT's chief was arrested; the Lashkar-e-Taiba denied it.",
        "Spokesman’s remarks and the ministry＇s reply: THE RULING PARTY'S SPOKESMEN’S",
        "Café Ærø Straße İstanbul ǅemal Œuvre naïve résumé ﬁnance ⑽ Ⅻ",
        "𝐀𝐁𝐂 𐐀𐐁 words in Deseret 𐐨𐐩 and a lone \ud800 surrogate",
        "running runs ran runner connection connections connected connecting generalizations oscillators",
        "Antidisestablishmentarianism internationalization counterrevolutionaries electroencephalographically",
        "HM was named; Hizbul Mujahideen later denied it and HM's leader spoke",
        "12,500 rupees, 3.5% and 2024-05-01 at 10:30, U.S. and U.K. e-mail john.doe@example.com",
        "Ａｂｃ ＦＵＬＬＷＩＤＴＨ ｔｈｅ ＴＨＥ",
        "Москва заявила; 北京 表示; اسلام آباد نے کہا; מירושלים",
        "a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with",
        "s 's ’s ＇s x's '' ’ ＇",
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public void Tokens_AreThoseOfLucenesFilters_InIndexAndQueryAnalysis(string text)
    {
        foreach (var forQuery in new[] { false, true })
        {
            using var stock = new StockChain(forQuery);
            using var fused = new NewsAnalyzer(GroupAliasTable.Default, forQuery);
            // Twice through the same instance: the second pass reads remembered stems.
            for (var pass = 0; pass < 2; pass++)
                Assert.Equal(Tokens(stock, text), Tokens(fused, text));
        }
    }

    [Fact]
    public void Tokens_OfALongTextOfManyWords_AreThoseOfLucenesFilters_OnceStemsAreRemembered()
    {
        // Tens of thousands of words made of English endings, so remembered stems are read back,
        // words share slots and replace each other, and some are longer than a slot holds.
        var random = new Random(11);
        string[] parts = ["con", "nect", "ing", "ed", "ly", "s", "tion", "al", "ize", "ful", "ness", "ies", "y", "at", "e", "ion", "ment", "er", "ate", "ous"];
        var words = Enumerable.Range(0, 40_000).Select(_ =>
        {
            var word = string.Concat(Enumerable.Range(0, 1 + random.Next(random.Next(8) == 0 ? 9 : 4)).Select(_ => parts[random.Next(parts.Length)]));
            return random.Next(10) == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word;
        });
        var text = string.Join(' ', words);
        using var stock = new StockChain(forQuery: false);
        using var fused = new NewsAnalyzer(GroupAliasTable.Default, forQuery: false);
        for (var pass = 0; pass < 2; pass++)
            Assert.Equal(Tokens(stock, text), Tokens(fused, text));
    }

    private static readonly char[] Alphabet =
    [
        'a', 'e', 'i', 'o', 's', 't', 'n', 'g', 'y', 'L', 'T', 'S', 'A', 'I', 'e', 's',
        ' ', ' ', ' ', '\'', '’', '＇', '-', '.', ',', '1', '9',
        'é', 'Æ', 'ß', 'İ', 'ǅ', 'ﬁ', 'Ａ', 'ｓ', 'ж', 'Ж', '北', '\uD835', '\uDC00', '\uD801', '\uDC00',
    ];

    private static readonly string[] Words = ["the", "The", "THE", "is", "LeT", "Lashkar-e-Taiba", "TTP's", "running", "generalization", "said", "it's", "Jaish"];

    public static Arbitrary<string> RandomTexts() =>
        Gen.OneOf(
                Gen.Elements(Alphabet).ArrayOf().Select(chars => new string(chars)),
                Gen.Elements(Words).ArrayOf().Select(words => string.Join(' ', words)))
            .ArrayOf()
            .Select(parts => string.Join(' ', parts))
            .ToArbitrary();

    [Property(MaxTest = 300, Arbitrary = [typeof(EnglishTermFilterTests)])]
    public void Tokens_OfRandomText_AreThoseOfLucenesFilters(string text)
    {
        using var stock = new StockChain(forQuery: false);
        using var fused = new NewsAnalyzer(GroupAliasTable.Default, forQuery: false);
        Assert.Equal(Tokens(stock, text), Tokens(fused, text));
        Assert.Equal(Tokens(stock, text), Tokens(fused, text));
    }

    [SharedCorporaFact("reuters21578", "wikipedia_en", "readability")]
    public void Tokens_OfTheSharedCorpora_AreThoseOfLucenesFilters()
    {
        var texts = ReutersReader.ReadFolder(SharedCorpora.Find("reuters21578")!).SelectMany(a => new[] { a.Title, a.Body })
            .Concat(WikipediaReader.ReadFolder(SharedCorpora.Find("wikipedia_en")!).Take(2_000).Select(page => page.Text))
            .Concat(Directory.EnumerateFiles(SharedCorpora.Find("readability")!, "source.html", SearchOption.AllDirectories).Select(File.ReadAllText));
        // One instance of each across all texts, as a writer keeps them, so remembered stems are read.
        using var stock = new StockChain(forQuery: false);
        using var fused = new NewsAnalyzer(GroupAliasTable.Default, forQuery: false);
        var compared = 0;
        foreach (var text in texts)
        {
            var expected = Tokens(stock, text);
            var actual = Tokens(fused, text);
            if (!expected.SequenceEqual(actual))
                Assert.Fail($"Text {compared} differs at token {expected.Zip(actual).TakeWhile(p => p.First == p.Second).Count()}: expected {string.Join(' ', expected.Take(40))} ... got {string.Join(' ', actual.Take(40))}");
            compared++;
        }
        Assert.True(compared > 40_000, $"only {compared} texts were compared");
    }

    private static List<string> Tokens(Analyzer analyzer, string text) =>
        TokenDump.Of(analyzer.GetTokenStream(SearchSchema.Body, text), withEnd: true);
}

using Lucene.Net.Index;
using Search.Core.Querying;

namespace Search.Core.Highlighting;

/// <summary>BM25 idf of body terms, for passage scoring; a phrase weighs the sum of its words. Cached per search.</summary>
internal sealed class TermWeights(SearchTerms terms)
{
    private readonly Dictionary<string, double> _cache = new(StringComparer.Ordinal);

    public double Weight(string key)
    {
        if (_cache.TryGetValue(key, out var weight))
            return weight;
        weight = key.Split(PhraseSpec.Separator).Sum(Idf);
        _cache[key] = weight;
        return weight;
    }

    private double Idf(string term)
    {
        var n = Math.Max(1, terms.Reader.NumDocs);
        var df = terms.DocFreq(new Term(SearchSchema.Body, term));
        return Math.Log(1 + (n - df + 0.5) / (df + 0.5));
    }
}

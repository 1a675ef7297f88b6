using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Search.Core.Querying;

/// <summary>The Lucene sort for each <see cref="SortOrder"/>. Every sort ends on the id, so the order is total and a cursor is exact.</summary>
internal static class HitSort
{
    private static readonly Sort Relevance = new(SortField.FIELD_SCORE, ById());
    private static readonly Sort Newest = new(ByDate(reverse: true), ById());
    private static readonly Sort Oldest = new(ByDate(reverse: false), ById());

    public static Sort For(SortOrder order) => order switch
    {
        SortOrder.Newest => Newest,
        SortOrder.Oldest => Oldest,
        _ => Relevance,
    };

    /// <summary>
    /// Whether a collector for this order must fill every hit's sort values. A relevance page needs
    /// only its last hit's (for the cursor), which <see cref="RelevanceCursor"/> builds from the hit
    /// as loaded: filling reads an id from the doc values for every ranked hit, forty of them when
    /// folding, which cost more than the folding itself.
    /// </summary>
    public static bool FillsFields(SortOrder order) => order != SortOrder.Relevance;

    /// <summary>The sort values of a hit of a relevance sort, as a collector filling fields would give them: its score and its id.</summary>
    public static FieldDoc RelevanceCursor(ScoreDoc hit, string id) =>
        new(hit.Doc, hit.Score, [J2N.Numerics.Single.GetInstance(hit.Score), new BytesRef(id)]);

    private static SortField ById() => new(SearchSchema.Id, new IdComparer.Source());

    private static SortField ByDate(bool reverse)
    {
        // Undated articles sort last in both directions.
        var field = new SortField(SearchSchema.SortDate, SortFieldType.INT64, reverse);
        field.SetMissingValue(reverse ? long.MinValue : long.MaxValue);
        return field;
    }
}

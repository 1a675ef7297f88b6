using Lucene.Net.Search;

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

    private static SortField ById() => new(SearchSchema.Id, new IdComparer.Source());

    private static SortField ByDate(bool reverse)
    {
        // Undated articles sort last in both directions.
        var field = new SortField(SearchSchema.SortDate, SortFieldType.INT64, reverse);
        field.SetMissingValue(reverse ? long.MinValue : long.MaxValue);
        return field;
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using Search.Core.Querying;

namespace Search.Core;

/// <summary>
/// The JSON that the library writes into an index folder or hands out as a token: saved searches,
/// facet evidence and search cursors. Each keeps the format it had when it was read by reflection,
/// so files, stored fields and cursors written before still read.
/// </summary>
/// <remarks>
/// Serialization code is generated at build time rather than found by reflection at run time: a
/// natively compiled <c>search</c> cannot make code at run time, and this is the library's only JSON.
/// </remarks>
internal static class CoreJson
{
    /// <summary>The saved searches file: web names, indented, sort orders by name in camel case.</summary>
    public static readonly CoreJsonContext SavedSearches = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter<SortOrder>(JsonNamingPolicy.CamelCase) },
    });

    /// <summary>An article's evidence as its stored field keeps it.</summary>
    public static readonly CoreJsonContext Evidence = new(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>A cursor's values, with the serializer's default names.</summary>
    public static readonly CoreJsonContext Cursor = new(new JsonSerializerOptions());
}

[JsonSerializable(typeof(SavedSearches.SavedSearchFile))]
[JsonSerializable(typeof(IReadOnlyList<FacetEvidence>))]
[JsonSerializable(typeof(SearchCursor.Payload))]
internal sealed partial class CoreJsonContext : JsonSerializerContext;

using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace StudioApi.Platform.Http.OpenApi;

/// <summary>
/// Lists the tags in use in the order and with the descriptions of <see cref="ApiTags"/> (the generator lists them
/// in an order of its own), and groups them by area in <c>x-tagGroups</c>, which the reference page shows as sections.
/// A tag missing from <see cref="ApiTags"/> goes last, in a group "Other", rather than out of sight.
/// </summary>
public sealed class TagsTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var inUse = (document.Tags ?? new HashSet<OpenApiTag>()).Select(t => t.Name).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var listed = ApiTags.InOrder.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var groups = ApiTags.Areas
            .Select(area => (area.Name, Tags: area.Tags.Select(t => t.Name).Where(inUse.Contains).ToList()))
            .Append((Name: "Other", Tags: inUse.Where(name => !listed.ContainsKey(name)).Order(StringComparer.Ordinal).ToList()))
            .Where(g => g.Tags.Count > 0)
            .ToList();

        var order = groups.SelectMany(g => g.Tags).ToList();
        document.Tags = new SortedSet<OpenApiTag>(
            order.Select(name => new OpenApiTag { Name = name, Description = listed.GetValueOrDefault(name)?.Description }),
            Comparer<OpenApiTag>.Create((a, b) => order.IndexOf(a.Name!).CompareTo(order.IndexOf(b.Name!))));
        document.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        document.Extensions["x-tagGroups"] = new JsonNodeExtension(new JsonArray([
            .. groups.Select(g => (JsonNode)new JsonObject
            {
                ["name"] = g.Name,
                ["tags"] = new JsonArray([.. g.Tags.Select(t => (JsonNode?)JsonValue.Create(t))]),
            }),
        ]));
        return Task.CompletedTask;
    }
}

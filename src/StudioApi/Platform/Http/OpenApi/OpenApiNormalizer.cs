using System.Text.Json;
using System.Text.Json.Nodes;

namespace StudioApi.Platform.Http.OpenApi;

/// <summary>Makes the committed document stable: object keys sorted, two-space indent, LF, final newline.</summary>
public static class OpenApiNormalizer
{
    public static string Normalize(string document)
    {
        var root = JsonNode.Parse(document) ?? throw new InvalidOperationException("The OpenAPI document is empty.");
        var sorted = Sort(root);
        var text = sorted!.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        return text.Replace("\r\n", "\n") + "\n";
    }

    static JsonNode? Sort(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sort(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Sort).ToArray()),
        null => null,
        _ => node.DeepClone(),
    };
}

using System.Collections;
using System.ComponentModel;
using System.Reflection;
using System.Text.Json;

namespace StudioApi.Features.Messaging.Merging;

/// <summary>The record a template is written for: it decides which objects the template can merge.</summary>
public enum MergeRecordType
{
    /// <summary>A client: studio, client, organization, links.unsubscribe.</summary>
    Client,
    /// <summary>A session: everything a client template has, plus the session and its links.</summary>
    Session,
    /// <summary>An invoice: its client, its session (if any) and organization, the invoice and links.payment.</summary>
    Invoice,
}

/// <summary>One merge field or object: its name, what it holds, and (objects and lists) what is inside.</summary>
public sealed class MergeNode
{
    public required string Name { get; init; }
    public required string Path { get; init; }
    public required string Description { get; init; }
    /// <summary>text, number, yesNo, object or list.</summary>
    public required string Type { get; init; }
    public IReadOnlyDictionary<string, MergeNode> Children { get; init; } = new Dictionary<string, MergeNode>();
    /// <summary>For a list: what each item is.</summary>
    public MergeNode? Item { get; init; }
}

/// <summary>
/// Every merge field, read once from the <see cref="MergeModel"/> classes: what templates may name, by record type,
/// and how a model instance becomes the values Liquid reads (dictionaries keyed by the same camelCase names).
/// </summary>
public static class MergeCatalogue
{
    public static readonly MergeNode Root = Describe(typeof(MergeModel), "", "", "Every merge field.");

    /// <summary>The paths a record type does not have (a client template has no session, nor a session's links).</summary>
    static readonly Dictionary<MergeRecordType, string[]> Missing = new()
    {
        [MergeRecordType.Client] = ["session", "invoice", "links.confirmation", "links.onlineGallery", "links.payment"],
        [MergeRecordType.Session] = ["invoice", "links.payment"],
        [MergeRecordType.Invoice] = [],
    };

    public static bool IsAvailable(MergeRecordType type, string path) =>
        !Missing[type].Any(missing => path == missing || path.StartsWith(missing + ".", StringComparison.Ordinal));

    /// <summary>The fields a template for <paramref name="type"/> can merge, in catalogue order, as dotted paths.</summary>
    public static IEnumerable<MergeNode> FieldsFor(MergeRecordType type)
    {
        IEnumerable<MergeNode> Walk(MergeNode node)
        {
            foreach (var child in node.Children.Values.Where(c => IsAvailable(type, c.Path)))
            {
                yield return child;
                foreach (var inner in Walk(child.Item ?? child))
                    yield return inner;
            }
        }
        return Walk(Root);
    }

    /// <summary>The model as Liquid values: each object a dictionary of its camelCase fields, lists as lists.</summary>
    public static object? ToLiquid(object? value) => value switch
    {
        null => null,
        string or bool or int or long or decimal => value,
        IEnumerable list => list.Cast<object?>().Select(ToLiquid).ToList(),
        _ => value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name), p => ToLiquid(p.GetValue(value)), StringComparer.Ordinal),
    };

    static MergeNode Describe(Type type, string name, string path, string description)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string))
            return new MergeNode { Name = name, Path = path, Description = description, Type = "text" };
        if (underlying == typeof(bool))
            return new MergeNode { Name = name, Path = path, Description = description, Type = "yesNo" };
        if (underlying == typeof(int) || underlying == typeof(long) || underlying == typeof(decimal))
            return new MergeNode { Name = name, Path = path, Description = description, Type = "number" };
        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(List<>))
            return new MergeNode
            {
                Name = name, Path = path, Description = description, Type = "list",
                Item = Describe(underlying.GetGenericArguments()[0], name, path, description),
            };

        var children = new Dictionary<string, MergeNode>(StringComparer.Ordinal);
        foreach (var property in underlying.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var childName = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var childPath = path.Length == 0 ? childName : $"{path}.{childName}";
            var text = property.GetCustomAttribute<DescriptionAttribute>()?.Description
                       ?? throw new InvalidOperationException($"Merge field {childPath} needs a [Description].");
            children[childName] = Describe(property.PropertyType, childName, childPath, text);
        }
        return new MergeNode { Name = name, Path = path, Description = description, Type = "object", Children = children };
    }
}

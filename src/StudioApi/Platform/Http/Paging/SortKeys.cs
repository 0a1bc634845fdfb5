using System.Linq.Expressions;
using StudioApi.Platform.Persistence;

namespace StudioApi.Platform.Http.Paging;

/// <summary>
/// The keys a list may be sorted by, each an expression over the record (non-nullable: use <c>?? ""</c>),
/// so keyset paging can both order by it and continue after the last row of a page.
/// </summary>
public sealed class SortKeys<T> where T : class, IHasId
{
    readonly Dictionary<string, SortKey> keys = new(StringComparer.OrdinalIgnoreCase);

    public SortKeys(string defaultSort) => Default = defaultSort;

    public string Default { get; }

    public IEnumerable<string> Names => keys.Keys;

    public SortKeys<T> Add<TKey>(string name, Expression<Func<T, TKey>> key)
    {
        keys[name] = new SortKey(name, key, typeof(TKey), key.Compile());
        return this;
    }

    /// <summary>Every accepted sort value: each key, then its descending form (<c>-key</c>).</summary>
    public IReadOnlyList<string> Values => [.. keys.Keys.SelectMany(k => new[] { k, "-" + k })];

    /// <summary>Empty (the default order), a key, or a key prefixed with one <c>-</c>; keys in any case.</summary>
    public bool IsValid(string? sort) =>
        string.IsNullOrEmpty(sort) || keys.ContainsKey(sort.StartsWith('-') ? sort[1..] : sort);

    internal (SortKey Key, bool Descending) Resolve(string? sort)
    {
        var value = string.IsNullOrWhiteSpace(sort) ? Default : sort.Trim();
        var descending = value.StartsWith('-');
        return (keys[value.TrimStart('-')], descending);
    }

    internal sealed record SortKey(string Name, LambdaExpression Expression, Type Type, Delegate Compiled);
}

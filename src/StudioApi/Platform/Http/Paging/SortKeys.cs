using System.Linq.Expressions;
using System.Text.RegularExpressions;
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

    /// <summary>A sort value as a regular expression: a key, optionally prefixed with <c>-</c>.</summary>
    public string Pattern => $"^-?({string.Join("|", keys.Keys.Select(Regex.Escape))})$";

    public bool IsValid(string? sort) =>
        string.IsNullOrEmpty(sort) || keys.ContainsKey(sort.TrimStart('-'));

    internal (SortKey Key, bool Descending) Resolve(string? sort)
    {
        var value = string.IsNullOrWhiteSpace(sort) ? Default : sort.Trim();
        var descending = value.StartsWith('-');
        return (keys[value.TrimStart('-')], descending);
    }

    internal sealed record SortKey(string Name, LambdaExpression Expression, Type Type, Delegate Compiled);
}

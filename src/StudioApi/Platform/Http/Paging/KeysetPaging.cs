using System.Buffers.Text;
using System.Linq.Expressions;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Platform.Http.Paging;

/// <summary>
/// Cursor (keyset) paging: a page continues strictly after the (sort key, id) of the previous page's last row,
/// so records added or removed meanwhile never make a page skip or repeat one. Each page is read from the start of
/// an index range when the list has an index on (sort key, id) over the rows it filters for (see SortKeys).
/// </summary>
public static class KeysetPaging
{
    /// <summary>A page of flat rows, read in one statement (two when continuing past ties, see SortKeys).</summary>
    public static async Task<Page<TOut>> ToPageAsync<T, TOut>(
        this IQueryable<T> query, ListRequest request, SortKeys<T> sortKeys, Func<T, TOut> map, CancellationToken ct)
        where T : class, IHasId
    {
        var (key, descending, limit, after) = Start(request, sortKeys);
        var rows = await key.ReadRowsAsync(query, descending, after?.Value, after?.Id, limit + 1, ct);
        return Finish(rows, key, descending, limit, map);
    }

    /// <summary>
    /// A page of records with child collections, in two steps: the page's ids from <paramref name="query"/> (which an
    /// index can answer alone), then those records with their children from <paramref name="records"/>, by id. Loading
    /// the page from the filtered query would repeat its filter and sort in every child collection's query.
    /// <paramref name="records"/> holds the records with what each needs loaded (includes); the page's ids are looked
    /// up in it, so it should not filter (the recycle bin's ids are in it too: use IgnoreQueryFilters).
    /// </summary>
    public static Task<Page<TOut>> ToPageAsync<T, TOut>(
        this IQueryable<T> query, ListRequest request, SortKeys<T> sortKeys, IQueryable<T> records, Func<T, TOut> map, CancellationToken ct)
        where T : class, IHasId =>
        query.ToPageAsync(request, sortKeys, LoadById(records), map, ct);

    /// <summary>
    /// As above, with the page's records loaded by <paramref name="load"/> (the records of those ids, in any order;
    /// one deleted meanwhile may be missing): for a list whose records are cheaper to read than EF's includes make them.
    /// </summary>
    public static async Task<Page<TOut>> ToPageAsync<T, TOut>(
        this IQueryable<T> query, ListRequest request, SortKeys<T> sortKeys, Func<long[], CancellationToken, Task<List<T>>> load, Func<T, TOut> map,
        CancellationToken ct)
        where T : class, IHasId
    {
        var (key, descending, limit, after) = Start(request, sortKeys);
        var keys = await key.ReadKeysAsync(query, descending, after?.Value, after?.Id, limit + 1, ct);
        return await LoadAsync(keys, key, descending, limit, load, map, ct);
    }

    /// <summary>
    /// As above, for a query whose rows may repeat a record, each time with the record's own sort key (a client found by
    /// several of its search terms): four pages' worth of rows is read and the repeats dropped, and twice as many again
    /// while that leaves less than a page and rows remain (a client has a few such terms: its name, its emails' words).
    /// SQLite keeps only the first rows of a sort with a LIMIT, where DISTINCT sorted every match first (thousands, for
    /// a common name). <paramref name="keep"/>, when given, picks the records that belong on the list among the ids read
    /// (a filter the rows do not carry, checked on the records themselves a batch at a time).
    /// </summary>
    public static async Task<Page<TOut>> ToPageOfDistinctAsync<T, TOut>(
        this IQueryable<T> query, ListRequest request, SortKeys<T> sortKeys, Func<long[], CancellationToken, Task<List<T>>> load, Func<T, TOut> map,
        CancellationToken ct, Func<long[], CancellationToken, Task<IReadOnlySet<long>>>? keep = null)
        where T : class, IHasId
    {
        var (key, descending, limit, after) = Start(request, sortKeys);
        for (var take = 4 * (limit + 1); ; take *= 2)
        {
            var rows = await key.ReadKeysAsync(query, descending, after?.Value, after?.Id, take, ct);
            var keys = rows.DistinctBy(k => k.Id).ToList();
            if (keep is not null)
            {
                var kept = await keep([.. keys.Select(k => k.Id)], ct);
                keys = [.. keys.Where(k => kept.Contains(k.Id))];
            }
            if (keys.Count > limit || rows.Count < take)
                return await LoadAsync([.. keys.Take(limit + 1)], key, descending, limit, load, map, ct);
        }
    }

    /// <summary>
    /// A page from several queries, each ordered by an index of its own (one per status, say), merged as one list:
    /// a page's worth from each, of which the first rows are kept. k short index seeks, where one query over the union
    /// of the ranges (<c>StatusId IN (…)</c>, <c>a = x OR b = x</c>) reads every row of them and sorts.
    /// </summary>
    public static async Task<Page<TOut>> ToMergedPageAsync<T, TOut>(
        this IReadOnlyCollection<IQueryable<T>> queries, ListRequest request, SortKeys<T> sortKeys, Func<T, TOut> map, CancellationToken ct)
        where T : class, IHasId
    {
        var (key, descending, limit, after) = Start(request, sortKeys);
        var rows = new List<T>();
        foreach (var query in queries)
            rows.AddRange(await key.ReadRowsAsync(query, descending, after?.Value, after?.Id, limit + 1, ct));
        rows.Sort((a, b) => key.Compare(key.ValueOf(a), a.Id, key.ValueOf(b), b.Id, descending));
        return Finish([.. rows.Take(limit + 1)], key, descending, limit, map);
    }

    /// <summary>As the merged page above, for records with child collections: the ids merged, then the records loaded by id.</summary>
    public static async Task<Page<TOut>> ToMergedPageAsync<T, TOut>(
        this IReadOnlyCollection<IQueryable<T>> queries, ListRequest request, SortKeys<T> sortKeys, IQueryable<T> records, Func<T, TOut> map, CancellationToken ct)
        where T : class, IHasId
    {
        var (key, descending, limit, after) = Start(request, sortKeys);
        var keys = new List<SortKeys<T>.KeyedId>();
        foreach (var query in queries)
            keys.AddRange(await key.ReadKeysAsync(query, descending, after?.Value, after?.Id, limit + 1, ct));
        keys.Sort((a, b) => key.Compare(a.Key, a.Id, b.Key, b.Id, descending));
        return await LoadAsync([.. keys.Take(limit + 1)], key, descending, limit, LoadById(records), map, ct);
    }

    static Func<long[], CancellationToken, Task<List<T>>> LoadById<T>(IQueryable<T> records) where T : class, IHasId =>
        (ids, token) => records.Where(ById<T>(ids)).ToListAsync(token);

    static async Task<Page<TOut>> LoadAsync<T, TOut>(List<SortKeys<T>.KeyedId> keys, SortKeys<T>.SortKey key, bool descending, int limit,
        Func<long[], CancellationToken, Task<List<T>>> load, Func<T, TOut> map, CancellationToken ct)
        where T : class, IHasId
    {
        var hasMore = keys.Count > limit;
        if (hasMore)
            keys.RemoveAt(keys.Count - 1);
        var ids = keys.Select(k => k.Id).ToArray();
        var loaded = ids.Length == 0
            ? []
            : (await load(ids, ct)).ToDictionary(r => r.Id);
        return new Page<TOut>
        {
            // In the page's order; a record deleted between the two steps is left out.
            Items = [.. keys.Where(k => loaded.ContainsKey(k.Id)).Select(k => map(loaded[k.Id]))],
            NextCursor = hasMore ? NextCursor(key, descending, keys[^1].Key, keys[^1].Id) : null,
        };
    }

    static (SortKeys<T>.SortKey Key, bool Descending, int Limit, (object? Value, long Id)? After) Start<T>(ListRequest request, SortKeys<T> sortKeys)
        where T : class, IHasId
    {
        var (key, descending) = sortKeys.Resolve(request.Sort);
        var limit = Math.Clamp(request.Limit ?? ListRequest.DefaultLimit, 1, ListRequest.MaxLimit);
        if (string.IsNullOrEmpty(request.Cursor))
            return (key, descending, limit, null);
        var cursor = Cursor.Decode(request.Cursor);
        if (!string.Equals(cursor.Sort, SortName(key.Name, descending), StringComparison.Ordinal))
            throw InvalidCursor("This cursor belongs to a list with another sort order; start again without a cursor.");
        return (key, descending, limit, (cursor.LastValue(key.Type), cursor.Id));
    }

    static Page<TOut> Finish<T, TOut>(List<T> rows, SortKeys<T>.SortKey key, bool descending, int limit, Func<T, TOut> map)
        where T : class, IHasId
    {
        var hasMore = rows.Count > limit;
        if (hasMore)
            rows.RemoveAt(rows.Count - 1);
        return new Page<TOut>
        {
            Items = rows.Select(map).ToList(),
            NextCursor = hasMore ? NextCursor(key, descending, key.ValueOf(rows[^1]), rows[^1].Id) : null,
        };
    }

    static string NextCursor<T>(SortKeys<T>.SortKey key, bool descending, object? value, long id) where T : class, IHasId =>
        new Cursor(SortName(key.Name, descending), JsonSerializer.SerializeToElement(value, key.Type), id).Encode();

    static string SortName(string key, bool descending) => key + (descending ? "-" : "+");

    /// <summary>record.Id in (ids), built on the concrete type (EF translates r.Id, not an access through the interface).</summary>
    public static Expression<Func<T, bool>> ById<T>(long[] ids) where T : class, IHasId
    {
        var record = Expression.Parameter(typeof(T), "record");
        var contains = typeof(Enumerable).GetMethods().Single(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2)
            .MakeGenericMethod(typeof(long));
        // One parameter holding the list (EF.Parameter: json_each on SQLite, OPENJSON on SQL Server), so every page runs
        // the same SQL: with one parameter per id, EF prepared the statement's SQL anew for each page, under a lock.
        var list = Expression.Call(typeof(EF).GetMethod(nameof(EF.Parameter))!.MakeGenericMethod(typeof(long[])),
            Expression.Property(Expression.Constant(new PageIds(ids)), nameof(PageIds.Value)));
        return Expression.Lambda<Func<T, bool>>(Expression.Call(contains, list, Expression.Property(record, nameof(IHasId.Id))), record);
    }

    static ApiProblem InvalidCursor(string reason) => ApiProblem.InvalidInput("cursor", reason);

    sealed class PageIds(long[] value)
    {
        public long[] Value { get; } = value;
    }

    sealed record Cursor(string Sort, JsonElement Value, long Id)
    {
        public string Encode() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(this));

        public static Cursor Decode(string text)
        {
            try
            {
                return JsonSerializer.Deserialize<Cursor>(Base64Url.DecodeFromChars(text))
                       ?? throw InvalidCursor("The cursor is not valid.");
            }
            catch (Exception e) when (e is FormatException or JsonException)
            {
                throw InvalidCursor("The cursor is not valid; use the nextCursor of the previous page.");
            }
        }

        /// <summary>The sort key's value the previous page ended at; a cursor made up by hand may hold anything.</summary>
        public object LastValue(Type type)
        {
            try
            {
                return Value.Deserialize(type) ?? throw InvalidCursor("The cursor is not valid.");
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException)
            {
                throw InvalidCursor("The cursor is not valid; use the nextCursor of the previous page.");
            }
        }
    }
}

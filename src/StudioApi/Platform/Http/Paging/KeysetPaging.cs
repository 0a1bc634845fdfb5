using System.Buffers.Text;
using System.Linq.Expressions;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Platform.Http.Paging;

/// <summary>
/// Cursor (keyset) paging: a page continues strictly after the (sort key, id) of the previous page's last row,
/// so records added or removed meanwhile never make a page skip or repeat one.
/// </summary>
public static class KeysetPaging
{
    public static async Task<Page<TOut>> ToPageAsync<T, TOut>(
        this IQueryable<T> query, ListRequest request, SortKeys<T> sortKeys, Func<T, TOut> map, CancellationToken ct)
        where T : class, IHasId
    {
        var (key, descending) = sortKeys.Resolve(request.Sort);
        var limit = Math.Clamp(request.Limit ?? ListRequest.DefaultLimit, 1, ListRequest.MaxLimit);

        if (!string.IsNullOrEmpty(request.Cursor))
        {
            var cursor = Cursor.Decode(request.Cursor);
            if (!string.Equals(cursor.Sort, key.Name + (descending ? "-" : "+"), StringComparison.Ordinal))
                throw InvalidCursor("This cursor belongs to a list with another sort order; start again without a cursor.");
            var lastValue = cursor.LastValue(key.Type);
            query = query.Where(After<T>(key, lastValue, cursor.Id, descending));
        }

        query = Order(query, key, descending);
        var rows = await query.Take(limit + 1).ToListAsync(ct);
        var hasMore = rows.Count > limit;
        if (hasMore)
            rows.RemoveAt(rows.Count - 1);

        string? next = null;
        if (hasMore)
        {
            var last = rows[^1];
            var value = key.Compiled.DynamicInvoke(last);
            next = new Cursor(key.Name + (descending ? "-" : "+"), JsonSerializer.SerializeToElement(value, key.Type), last.Id).Encode();
        }
        return new Page<TOut> { Items = rows.Select(map).ToList(), NextCursor = next };
    }

    static IQueryable<T> Order<T>(IQueryable<T> query, SortKeys<T>.SortKey key, bool descending) where T : class, IHasId
    {
        var method = descending ? nameof(Queryable.OrderByDescending) : nameof(Queryable.OrderBy);
        var ordered = (IOrderedQueryable<T>)query.Provider.CreateQuery<T>(Expression.Call(
            typeof(Queryable), method, [typeof(T), key.Type], query.Expression, Expression.Quote(key.Expression)));
        // The tie-breaker is built on the concrete type: EF translates r.Id, not an access through the interface.
        var record = Expression.Parameter(typeof(T), "record");
        var id = Expression.Lambda<Func<T, long>>(Expression.Property(record, nameof(IHasId.Id)), record);
        return descending ? ordered.ThenByDescending(id) : ordered.ThenBy(id);
    }

    /// <summary>key &gt; last || (key == last &amp;&amp; id &gt; lastId), mirrored for descending order.</summary>
    static Expression<Func<T, bool>> After<T>(SortKeys<T>.SortKey key, object lastValue, long lastId, bool descending)
        where T : class, IHasId
    {
        var record = key.Expression.Parameters[0];
        var keyBody = key.Expression.Body;
        // Values go in through a closure so EF sends them as parameters, not literals.
        var lastKey = Expression.Property(Expression.Constant(new Boxed(lastValue)), nameof(Boxed.Value));
        var typedLast = Expression.Convert(lastKey, key.Type);
        var id = Expression.Property(record, nameof(IHasId.Id));
        var lastIdValue = Expression.Property(Expression.Constant(new Boxed(lastId)), nameof(Boxed.Value));
        var typedLastId = Expression.Convert(lastIdValue, typeof(long));

        Expression beyond, same;
        if (key.Type == typeof(string))
        {
            var compare = Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, keyBody, typedLast);
            beyond = descending ? Expression.LessThan(compare, Expression.Constant(0)) : Expression.GreaterThan(compare, Expression.Constant(0));
        }
        else
        {
            beyond = descending ? Expression.LessThan(keyBody, typedLast) : Expression.GreaterThan(keyBody, typedLast);
        }
        same = Expression.Equal(keyBody, typedLast);
        var idBeyond = descending ? Expression.LessThan(id, typedLastId) : Expression.GreaterThan(id, typedLastId);
        return Expression.Lambda<Func<T, bool>>(Expression.OrElse(beyond, Expression.AndAlso(same, idBeyond)), record);
    }

    static ApiProblem InvalidCursor(string reason) => ApiProblem.InvalidInput("cursor", reason);

    sealed class Boxed(object value)
    {
        public object Value { get; } = value;
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

using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Persistence;

namespace StudioApi.Platform.Http.Paging;

/// <summary>
/// The keys a list may be sorted by, each a column of the record (or a non-nullable expression; use <c>?? ""</c>),
/// so keyset paging can both order by it and continue after the last row of a page. A key that is a plain column
/// with an index on (column, Id) over the rows the list reads gives every page from one index range; an expression
/// (COALESCE, a cast) gives none, so store such a key as a column kept by the record (Client.NameSortKey).
/// </summary>
public sealed class SortKeys<T> where T : class, IHasId
{
    readonly Dictionary<string, SortKey> keys = new(StringComparer.OrdinalIgnoreCase);

    public SortKeys(string defaultSort) => Default = defaultSort;

    public string Default { get; }

    public IEnumerable<string> Names => keys.Keys;

    public SortKeys<T> Add<TKey>(string name, Expression<Func<T, TKey>> key)
    {
        keys[name] = new SortKey<TKey>(name, key);
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

    /// <summary>A row's id and sort key, read without the rest of the row (an index can answer it alone).</summary>
    internal sealed record KeyedId(long Id, object? Key);

    /// <summary>One sort key, typed so its queries are built without reflection at request time.</summary>
    internal abstract class SortKey(string name, Type type)
    {
        public string Name { get; } = name;
        public Type Type { get; } = type;

        public abstract object? ValueOf(T row);

        /// <summary>Up to <paramref name="take"/> rows in key order, after (<paramref name="afterValue"/>, <paramref name="afterId"/>) when given.</summary>
        public abstract Task<List<T>> ReadRowsAsync(IQueryable<T> query, bool descending, object? afterValue, long? afterId, int take, CancellationToken ct);

        /// <summary>As <see cref="ReadRowsAsync"/>, but only each row's id and key.</summary>
        public abstract Task<List<KeyedId>> ReadKeysAsync(IQueryable<T> query, bool descending, object? afterValue, long? afterId, int take, CancellationToken ct);

        /// <summary>Orders rows read from several queries as the database orders one: by key, then id.</summary>
        public abstract int Compare(object? a, long aId, object? b, long bId, bool descending);
    }

    sealed class SortKey<TKey>(string name, Expression<Func<T, TKey>> key) : SortKey(name, typeof(TKey))
    {
        // A key written r => r.Date!.Value (a column the list only reads where it is set) reads a null as the default
        // here rather than throwing, should one slip through: the cursor then still continues after the row.
        readonly Func<T, TKey> compiled = ((Expression<Func<T, TKey>>)new NullTolerant().Visit(key)).Compile();
        readonly Expression<Func<T, KeyedRow>> keyed = KeyedProjection(key);

        public override object? ValueOf(T row) => compiled(row);

        public override Task<List<T>> ReadRowsAsync(IQueryable<T> query, bool descending, object? afterValue, long? afterId, int take, CancellationToken ct) =>
            ReadAsync(query, descending, afterValue, afterId, take, q => q, ct);

        public override async Task<List<KeyedId>> ReadKeysAsync(IQueryable<T> query, bool descending, object? afterValue, long? afterId, int take, CancellationToken ct) =>
            [.. (await ReadAsync(query, descending, afterValue, afterId, take, q => q.Select(keyed), ct)).Select(r => new KeyedId(r.Id, r.Key))];

        public override int Compare(object? a, long aId, object? b, long bId, bool descending)
        {
            if (typeof(TKey) == typeof(string))
                throw new InvalidOperationException("Rows sorted by text are ordered by the database's collation, not merged in memory.");
            var order = Comparer<TKey>.Default.Compare((TKey)a!, (TKey)b!);
            if (order == 0)
                order = aId.CompareTo(bId);
            return descending ? -order : order;
        }

        /// <summary>
        /// The first page is the start of the (key, id) order. A later page is the rows that tie with the previous
        /// page's last key beyond its id, then the rows beyond that key: two seeks on an index of (key, id). One
        /// condition <c>key &gt; k OR (key = k AND id &gt; i)</c> has SQLite start at k and step over every tie before i.
        /// The ties are ordered by id alone (their key is one value): SQLite does not see that an equality on an indexed
        /// expression (COALESCE(CaptureTime, '')) fixes that ORDER BY term, and sorted them.
        /// </summary>
        async Task<List<TResult>> ReadAsync<TResult>(IQueryable<T> query, bool descending, object? afterValue, long? afterId, int take,
            Func<IQueryable<T>, IQueryable<TResult>> select, CancellationToken ct)
        {
            if (afterId is not { } lastId)
                return await select(Order(query, descending)).Take(take).ToListAsync(ct);
            var last = (TKey)afterValue!;
            var tied = query.Where(Tie(last)).Where(IdBeyond(lastId, descending));
            var ties = await select(descending ? tied.OrderByDescending(Id) : tied.OrderBy(Id)).Take(take).ToListAsync(ct);
            if (ties.Count >= take)
                return ties;
            var beyond = await select(Order(query.Where(Beyond(last, descending)), descending)).Take(take - ties.Count).ToListAsync(ct);
            return [.. ties, .. beyond];
        }

        IOrderedQueryable<T> Order(IQueryable<T> query, bool descending)
        {
            var ordered = descending ? query.OrderByDescending(key) : query.OrderBy(key);
            return descending ? ordered.ThenByDescending(Id) : ordered.ThenBy(Id);
        }

        // Values go in through closures so EF sends them as parameters, not literals.
        Expression<Func<T, bool>> Tie(TKey last)
        {
            var (left, right) = Comparable(key.Body, Parameter(last));
            return Expression.Lambda<Func<T, bool>>(Expression.Equal(left, right), key.Parameters);
        }

        Expression<Func<T, bool>> Beyond(TKey last, bool descending)
        {
            var (left, right) = Comparable(key.Body, Parameter(last));
            if (typeof(TKey) == typeof(string))
            {
                left = Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, left, right);
                right = Expression.Constant(0);
            }
            return Expression.Lambda<Func<T, bool>>(descending ? Expression.LessThan(left, right) : Expression.GreaterThan(left, right), key.Parameters);
        }

        /// <summary>
        /// Enums are compared as their numbers, written as C# writes <c>a &gt; b</c> for enums, which EF translates
        /// to the bare column (an enum key, not <c>(int)t.Priority</c>, which EF casts, so no index serves it).
        /// </summary>
        static (Expression Left, Expression Right) Comparable(Expression left, Expression right)
        {
            if (!typeof(TKey).IsEnum)
                return (left, right);
            var number = Enum.GetUnderlyingType(typeof(TKey));
            return (Expression.Convert(left, number), Expression.Convert(right, number));
        }

        static Expression<Func<T, bool>> IdBeyond(long lastId, bool descending)
        {
            var record = Expression.Parameter(typeof(T), "record");
            var id = Expression.Property(record, nameof(IHasId.Id));
            var last = Expression.Property(Expression.Constant(new Boxed<long>(lastId)), nameof(Boxed<long>.Value));
            return Expression.Lambda<Func<T, bool>>(descending ? Expression.LessThan(id, last) : Expression.GreaterThan(id, last), record);
        }

        static Expression Parameter(TKey value) => Expression.Property(Expression.Constant(new Boxed<TKey>(value)), nameof(Boxed<TKey>.Value));

        // The tie-breaker is built on the concrete type: EF translates r.Id, not an access through the interface.
        static readonly Expression<Func<T, long>> Id = IdOf();

        static Expression<Func<T, long>> IdOf()
        {
            var record = Expression.Parameter(typeof(T), "record");
            return Expression.Lambda<Func<T, long>>(Expression.Property(record, nameof(IHasId.Id)), record);
        }

        static Expression<Func<T, KeyedRow>> KeyedProjection(Expression<Func<T, TKey>> key)
        {
            var record = key.Parameters[0];
            return Expression.Lambda<Func<T, KeyedRow>>(Expression.MemberInit(Expression.New(typeof(KeyedRow)),
                Expression.Bind(typeof(KeyedRow).GetProperty(nameof(KeyedRow.Id))!, Expression.Property(record, nameof(IHasId.Id))),
                Expression.Bind(typeof(KeyedRow).GetProperty(nameof(KeyedRow.Key))!, key.Body)), record);
        }

        /// <summary>Rewrites <c>x.Value</c> of a nullable to <c>x.GetValueOrDefault()</c>.</summary>
        sealed class NullTolerant : ExpressionVisitor
        {
            protected override Expression VisitMember(MemberExpression node) =>
                node.Member.Name == nameof(Nullable<>.Value) && node.Expression is { } inner && Nullable.GetUnderlyingType(inner.Type) is not null
                    ? Expression.Call(Visit(inner), inner.Type.GetMethod(nameof(Nullable<>.GetValueOrDefault), Type.EmptyTypes)!)
                    : base.VisitMember(node);
        }

        sealed class KeyedRow
        {
            public long Id { get; init; }
            public TKey Key { get; init; } = default!;
        }
    }

    sealed class Boxed<TValue>(TValue value)
    {
        public TValue Value { get; } = value;
    }
}

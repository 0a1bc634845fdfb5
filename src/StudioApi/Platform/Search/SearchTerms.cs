using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudioApi.Platform.Persistence;

namespace StudioApi.Platform.Search;

/// <summary>
/// A record found through a term table of its own (clients, sessions): its terms, and the sort keys derived from its
/// text, are rebuilt from the record whenever it is saved (<see cref="SearchIndex"/>), so nothing else keeps them.
/// </summary>
public interface ISearchable
{
    /// <summary>The <see cref="SearchText.Version"/> the record's terms and sort keys were built with; 0 when never.</summary>
    int SearchIndexVersion { get; set; }

    /// <summary>Brings the sort keys derived from the record's text up to date and returns the terms it is found by.</summary>
    IEnumerable<string> IndexText();
}

/// <summary>
/// One term a record is found by: a row of the record kind's term table. A list searches with
/// <see cref="SearchTermQueries.Matching{TTerm}"/> (the ids of records with a term starting with a prefix), a seek on
/// the (Term, RecordId) index on SQLite and SQL Server alike.
/// </summary>
public abstract class SearchTerm<TRecord> where TRecord : AuditedRecord, ISearchable
{
    public long Id { get; set; }
    /// <summary>
    /// Always set. Nullable only so the relationship is optional: a required one to a record with a query filter (the
    /// recycle bin) has EF warn that terms could outlive their record in queries, which these never join.
    /// </summary>
    public long? RecordId { get; set; }
    public string Term { get; set; } = "";
    /// <summary>Set when the term is added, so a new record's id reaches the term when both are inserted.</summary>
    public TRecord? Record { get; set; }

    /// <summary>
    /// Copies what the term carries of its record besides its id, called whenever the record's terms are rebuilt (a
    /// term table that orders matches from the term index alone keeps the record's sort key and liveness): nothing by default.
    /// </summary>
    public virtual void Follow(TRecord record)
    {
    }
}

/// <summary>The shape of every term table: (Term, RecordId) for prefix seeks, RecordId for the record's own terms.</summary>
public abstract class SearchTermConfiguration<TTerm, TRecord> : IEntityTypeConfiguration<TTerm>
    where TTerm : SearchTerm<TRecord>
    where TRecord : AuditedRecord, ISearchable
{
    protected abstract string Table { get; }

    public virtual void Configure(EntityTypeBuilder<TTerm> builder)
    {
        builder.ToTable(Table);
        builder.Property(t => t.Term).HasMaxLength(SearchText.MaxTermLength);
        builder.HasIndex(t => new { t.Term, t.RecordId });
        builder.HasIndex(t => new { t.RecordId, t.Term }).IsUnique();
        // Records are soft-deleted and keep their terms (the recycle bin is searchable); a purge takes them along.
        builder.HasOne(t => t.Record).WithMany().HasForeignKey(t => t.RecordId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class SearchTermQueries
{
    /// <summary>
    /// Above this many matching terms a query word is common ("s", "smith" among 100,000 clients): a list then reads
    /// its own order and checks each record's terms (EXISTS), stopping after a page, rather than gathering every
    /// match and sorting them. Where the two cost the same when matches are spread through the list's order (sessions
    /// by date): a page of 50 over 100,000 records, √(50 × 100,000).
    /// </summary>
    public const int CommonMatches = 2_000;

    /// <summary>
    /// The same for a list sorted by the very names searched (clients by name): there the matches of a word sit
    /// together in the order ("smith" among the S's), so reading the order from its start to them costs far more
    /// than sorting them, until a word matches a good share of all records (a letter or two).
    /// </summary>
    public const int CommonMatchesInNameOrder = 20_000;

    /// <summary>
    /// Up to this many matching terms, a word checked record by record while a list is read in its own order is checked
    /// against its matches gathered once (SQLite builds them into an index for the query), rather than by a seek into the
    /// term index for each record read: four times faster for a surname with a few thousand terms on the large studio;
    /// past it, gathering costs more than the seeks, as the matches come often enough in the order (a letter or two).
    /// </summary>
    public const int SetMatches = 10_000;

    /// <summary>A condition that holds when any of <paramref name="conditions"/> does (none: false), as one lambda EF translates.</summary>
    public static Expression<Func<T, bool>> AnyOf<T>(IReadOnlyList<Expression<Func<T, bool>>> conditions)
    {
        var record = Expression.Parameter(typeof(T), "record");
        var body = conditions.Select(c => new Rebind(c.Parameters[0], record).Visit(c.Body)!)
            .DefaultIfEmpty(Expression.Constant(false))
            .Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<T, bool>>(body, record);
    }

    /// <summary>Puts one parameter in place of another, so lambdas written apart share theirs.</summary>
    sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }

    /// <summary>How many terms start with the prefix, counted along the term index and no further than <paramref name="cap"/> + 1.</summary>
    public static Task<int> CountUpToAsync<TTerm>(this IQueryable<TTerm> terms, string prefix, int cap, CancellationToken ct) where TTerm : class =>
        terms.Where(Between<TTerm>(prefix, SearchText.PrefixEnd(prefix))).OrderBy(TermOf<TTerm>()).Take(cap + 1).CountAsync(ct);

    /// <summary>
    /// The ids of records with a term starting with <paramref name="prefix"/> (folded, see <see cref="SearchText.QueryPrefixes"/>):
    /// a range on the term index. Use as <c>ids.Contains(record.Id)</c>, which databases drive from the index.
    /// </summary>
    public static IQueryable<long> Matching<TTerm>(this IQueryable<TTerm> terms, string prefix) where TTerm : class
    {
        var end = SearchText.PrefixEnd(prefix);
        return terms.Where(Between<TTerm>(prefix, end)).Select(RecordIdOf<TTerm>());
    }

    // Built on TTerm's own properties: EF translates t.Term, not an access through the generic base.
    static Expression<Func<TTerm, bool>> Between<TTerm>(string from, string to)
    {
        var term = Expression.Parameter(typeof(TTerm), "term");
        var value = Expression.Property(term, nameof(SearchTerm<>.Term));
        var compare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;
        // Through closures, so EF sends the bounds as parameters.
        var low = Expression.Property(Expression.Constant(new Bound(from)), nameof(Bound.Value));
        var high = Expression.Property(Expression.Constant(new Bound(to)), nameof(Bound.Value));
        return Expression.Lambda<Func<TTerm, bool>>(Expression.AndAlso(
            Expression.GreaterThanOrEqual(Expression.Call(compare, value, low), Expression.Constant(0)),
            Expression.LessThan(Expression.Call(compare, value, high), Expression.Constant(0))), term);
    }

    static Expression<Func<TTerm, string>> TermOf<TTerm>()
    {
        var term = Expression.Parameter(typeof(TTerm), "term");
        return Expression.Lambda<Func<TTerm, string>>(Expression.Property(term, nameof(SearchTerm<>.Term)), term);
    }

    static Expression<Func<TTerm, long>> RecordIdOf<TTerm>()
    {
        var term = Expression.Parameter(typeof(TTerm), "term");
        var recordId = Expression.Property(term, nameof(SearchTerm<>.RecordId));
        return Expression.Lambda<Func<TTerm, long>>(Expression.Property(recordId, nameof(Nullable<>.Value)), term);
    }

    sealed class Bound(string value)
    {
        public string Value { get; } = value;
    }
}

using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Persistence;

namespace StudioApi.Platform.Workflow;

/// <summary>
/// How a hub list (clients, sessions, tasks) serves overdue=true in its own order. Past due is a range of the
/// (StatusId, StatusDueDate) indexes, whose records then have to be sorted; or the list's order is read and each record
/// checked, which has to step over the records not overdue. Which is cheaper depends on how many are overdue, so they
/// are counted first, along those indexes and no further than <see cref="Few"/>.
/// </summary>
public static class OverdueRecords
{
    /// <summary>
    /// Up to this many overdue records are read from their range and sorted (a page of 50 over a list of 100,000 reads
    /// as many when a page's worth is spread through the order: √(50 × 100,000)); more, and the list's order is read.
    /// In that case the filter compares COALESCE(StatusDueDate, max) so SQLite cannot take it for the range.
    /// </summary>
    public const int Few = 2_000;

    /// <summary>
    /// Reading the past-due range and sorting it costs about this many times what stepping over one index entry does
    /// (measured on the large studio: 5,349 past due read and sorted in 1.4 ms, 68,544 not due stepped over in 5 ms).
    /// </summary>
    const int RangeCostPerStep = 4;

    /// <summary>A status's live records past due and not due yet, as kept by <see cref="StatusDueDateCount"/>.</summary>
    public readonly record struct DueCounts(long PastDue, long NotDue)
    {
        /// <summary>
        /// Whether reading the past-due range and sorting it costs less than stepping through the list's order over
        /// the records not due yet (at worst all of them: new bookings are both the newest and not due).
        /// </summary>
        public bool FavoursRange => PastDue <= Few || PastDue * RangeCostPerStep < NotDue;
    }

    /// <summary>
    /// Each of the statuses' counts past due and not due on <paramref name="today"/>, from the counts kept per due date
    /// (the overdue counts add up the first; the overdue list weighs both).
    /// </summary>
    public static async Task<IReadOnlyDictionary<long, DueCounts>> KeptDueCountsAsync(StudioDbContext db, long[] statusIds, DateOnly today,
        CancellationToken ct) =>
        await db.StatusDueDateCounts.AsNoTracking().Where(c => statusIds.Contains(c.StatusId))
            .GroupBy(c => c.StatusId)
            .Select(g => new { StatusId = g.Key, PastDue = g.Sum(c => c.DueDate < today ? c.Count : 0), NotDue = g.Sum(c => c.DueDate < today ? 0 : c.Count) })
            .ToDictionaryAsync(c => c.StatusId, c => new DueCounts(c.PastDue, c.NotDue), ct);

    /// <summary>
    /// Has the database read the query's rows from their own range and sort them, where SQLite would otherwise walk an
    /// index in the page's order and filter: a subquery with a LIMIT is planned on its own (SQLite neither flattens it
    /// nor pushes the page's conditions into it), so its WHERE picks the index.
    /// </summary>
    public static IQueryable<T> AsRangeToSort<T>(this IQueryable<T> query) => query.Take(int.MaxValue);

    /// <summary>Whether at most <see cref="Few"/> records match <paramref name="overdue"/> (the kind's past-due filter over live records).</summary>
    public static async Task<bool> AreFewAsync<T>(this IQueryable<T> overdue, CancellationToken ct) =>
        await overdue.Take(Few + 1).CountAsync(ct) <= Few;

    /// <summary>
    /// A hub list's overdue filter: past its status's due date at a status that is not final (true), or not (false).
    /// For true, the overdue among <paramref name="live"/> are counted first to choose between the two plans above.
    /// </summary>
    public static async Task<IQueryable<T>> WhereOverdueAsync<T>(this IQueryable<T> query, bool overdue, IQueryable<T> live, DateOnly today,
        CancellationToken ct) where T : class, IHasWorkflowStatus =>
        !overdue
            ? query.Where(r => r.StatusDueDate == null || r.StatusDueDate >= today || r.Status!.IsFinal)
            : await live.WherePastDue(today).AreFewAsync(ct)
                ? query.WherePastDue(today)
                : query.Where(r => (r.StatusDueDate ?? DateOnly.MaxValue) < today && !r.Status!.IsFinal);

    /// <summary>Past their status's due date and not at a final status: overdue, in the form the due-date indexes serve.</summary>
    public static IQueryable<T> WherePastDue<T>(this IQueryable<T> query, DateOnly today) where T : class, IHasWorkflowStatus =>
        query.Where(r => r.StatusDueDate < today && !r.Status!.IsFinal);
}

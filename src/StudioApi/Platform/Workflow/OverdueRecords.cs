using Microsoft.EntityFrameworkCore;

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
            : await live.Where(r => r.StatusDueDate < today && !r.Status!.IsFinal).AreFewAsync(ct)
                ? query.Where(r => r.StatusDueDate < today && !r.Status!.IsFinal)
                : query.Where(r => (r.StatusDueDate ?? DateOnly.MaxValue) < today && !r.Status!.IsFinal);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;
using StudioApi.Platform.Persistence;

namespace StudioApi.Platform.Storage.Reconciliation;

/// <summary>Queues reconciliations: one waiting at a time (asking again while one waits answers that one).</summary>
public static class StorageReconciliationQueue
{
    public static async Task<(StorageReconciliation Reconciliation, bool Queued)> QueueAsync(StudioDbContext db,
        StorageReconciliationSignal signal, string requestedBy, CancellationToken ct)
    {
        var waiting = await db.StorageReconciliations.AsNoTracking()
            .Where(r => r.State == StorageReconciliationState.Queued).OrderBy(r => r.Id).FirstOrDefaultAsync(ct);
        if (waiting is not null)
            return (waiting, false);
        var reconciliation = new StorageReconciliation { RequestedBy = requestedBy, CreatedAt = db.UtcNow };
        db.StorageReconciliations.Add(reconciliation);
        await db.SaveChangesAsync(ct);
        signal.Wake();
        return (reconciliation, true);
    }
}

/// <summary>
/// The periodic reconciliation: every hour it looks whether the latest one was asked for longer ago than
/// Storage:Reconciliation:IntervalHours (default 24) and, if so, queues one; the background-work engine runs it on one
/// server. A scheduled job that only queues, because the work itself must run once, not once per server (Quartz runs
/// in memory on each), and be visible, leased and taken up again after a crash like any background work.
/// </summary>
public sealed class StorageReconciliationSchedule(StudioDbContext db, StorageReconciliationSignal signal,
    IOptions<StorageReconciliationSettings> options) : IJob
{
    public const string Name = "storage-reconciliation";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var interval = options.Value.IntervalHours;
        if (interval <= 0)
            return;
        var dueBefore = db.UtcNow - TimeSpan.FromHours(interval);
        if (await db.StorageReconciliations.AnyAsync(r => r.CreatedAt > dueBefore
                || r.State == StorageReconciliationState.Queued || r.State == StorageReconciliationState.Running, ct))
            return;
        await StorageReconciliationQueue.QueueAsync(db, signal, RecordAuthor.System, ct);
    }
}

using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Persistence;

namespace StudioApi.Platform.Background;

/// <summary>
/// The engine for a <see cref="WorkQueue{TRecord}"/>. A pass claims the oldest waiting record whose lease is free and
/// whose backoff is over with one guarded UPDATE (owner, lease, attempts + 1: whoever's update matches the row wins, on
/// SQLite and SQL Server alike), renews the lease every third of it while the queue works, then ends the lease: done,
/// retried after a backoff (BackoffSeconds × 2^(attempt − 1)), or failed after MaxAttempts. Every write after the claim
/// is guarded by owner and attempt, so a server that lost its lease changes nothing. At start it takes back, at once,
/// the records this instance held when it stopped; at a graceful stop it hands back what it could not finish.
/// </summary>
public sealed class QueueWorker<TQueue, TRecord, TSignal>(
    string kind, WorkerSettings settings, IServiceScopeFactory scopes, TSignal signal, BackgroundInstance instance,
    TimeProvider clock, ILogger<TQueue> log) : BackgroundWorker(kind, settings, signal, log)
    where TQueue : WorkQueue<TRecord>
    where TRecord : class, IHasId
    where TSignal : WakeSignal
{
    LeaseExpressions<TRecord>? lease;

    public override BackgroundWorkFlavour Flavour => BackgroundWorkFlavour.Queue;

    DateTime Now => clock.GetUtcNow().UtcDateTime;

    LeaseExpressions<TRecord> LeaseOf(TQueue queue) => lease ??= new LeaseExpressions<TRecord>(queue.Lease);

    /// <summary>Takes back what this instance held when it stopped (a crash, a kill): nobody else is working on it.</summary>
    protected override async Task StartAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
        var queue = scope.ServiceProvider.GetRequiredService<TQueue>();
        var l = LeaseOf(queue);
        var owner = instance.Id;
        var released = await db.Set<TRecord>().IgnoreQueryFilters().Where(queue.Waiting).Where(l.Of(w => w.LeaseOwner == owner))
            .ExecuteUpdateAsync(set => set
                .SetProperty(l.Of(w => w.LeaseOwner), (string?)null)
                .SetProperty(l.Of(w => w.LeaseUntil), (DateTime?)null), ct);
        if (released > 0)
            Log.LogInformation("Background work {Kind}: took back {Count} record(s) this server ({Instance}) held when it stopped",
                Kind, released, owner);
    }

    protected override async Task<bool> PassAsync(CancellationToken stopClaiming, CancellationToken abort)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
        var queue = scope.ServiceProvider.GetRequiredService<TQueue>();
        var l = LeaseOf(queue);
        var now = Now;
        var claimable = db.Set<TRecord>().Where(queue.Waiting)
            .Where(l.Of(w => (w.LeaseUntil == null || w.LeaseUntil < now) && (w.NextAttemptAt == null || w.NextAttemptAt <= now)));

        var next = await claimable.OrderBy(RecordIds<TRecord>.Id).Select(RecordIds<TRecord>.Id).Take(1).ToListAsync(stopClaiming);
        if (next.Count == 0)
            return false;
        var id = next[0];
        var owner = instance.Id;
        DateTime? until = now + Settings.Lease;
        // Not cancellable: once sent, the claim must be known to have happened or not.
        var claimed = await claimable.Where(RecordIds<TRecord>.Is(id)).ExecuteUpdateAsync(set =>
        {
            set.SetProperty(l.Of(w => w.LeaseOwner), owner)
                .SetProperty(l.Of(w => w.LeaseUntil), until)
                .SetProperty(l.Of(w => w.Attempts), l.Of(w => w.Attempts + 1))
                .SetProperty(l.Of(w => w.NextAttemptAt), (DateTime?)null)
                .SetProperty(l.Of(w => w.FailedAt), (DateTime?)null);
            queue.OnClaimed(set, now);
        }, CancellationToken.None);
        if (claimed == 0)
            return true; // another loop or server took it: look again
        if (Settings.Workers > 1)
            Signal.Wake(); // an idle loop may take the next one meanwhile

        var record = await db.Set<TRecord>().AsNoTracking().Where(RecordIds<TRecord>.Is(id)).SingleAsync(CancellationToken.None);
        await WorkOnAsync(queue, record, id, l.Read(record).Attempts, abort);
        return true;
    }

    async Task WorkOnAsync(TQueue queue, TRecord record, long id, int attempt, CancellationToken abort)
    {
        using var working = CancellationTokenSource.CreateLinkedTokenSource(abort);
        using var finished = new CancellationTokenSource();
        var renewal = KeepLeaseAsync(id, attempt, working, finished.Token);
        Exception? failure = null;
        try
        {
            await queue.ProcessAsync(record, working.Token);
        }
        catch (Exception e)
        {
            failure = e;
        }
        finally
        {
            await finished.CancelAsync();
        }
        var lost = await renewal;

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
        var books = scope.ServiceProvider.GetRequiredService<TQueue>();
        var l = LeaseOf(books);
        var held = Held(db, l, id, attempt);
        var now = Now;

        // Whatever the outcome, a record erased meanwhile (a purge committed during the work) gets what the work wrote
        // removed: its renewal or its end finds no row (read as a lost lease, or 0 rows updated), or the work itself
        // failed on files the purge took away after writing some of its own.
        async Task<bool> ErasedAsync()
        {
            if (await db.Set<TRecord>().IgnoreQueryFilters().AnyAsync(RecordIds<TRecord>.Is(id), CancellationToken.None))
                return false;
            await books.AfterGoneAsync(record, CancellationToken.None);
            Log.LogInformation("Background work {Kind}: record {Id} was erased while worked on; what the work wrote is removed", Kind, id);
            return true;
        }

        if (lost)
        {
            if (!await ErasedAsync())
                Log.LogWarning("Background work {Kind}: record {Id} was taken over by another server; this one stopped working on it", Kind, id);
            return;
        }
        if (failure is null)
        {
            var done = await held.ExecuteUpdateAsync(set =>
            {
                EndLease(set, l);
                set.SetProperty(l.Of(w => w.LastError), (string?)null);
                books.OnDone(set, now);
            }, CancellationToken.None);
            if (done > 0)
                return;
            // Checked after the work's files were written: a purge committed before this saw them (and deletes its
            // files only after committing), so either it deletes these too or this sees the record gone.
            if (!await ErasedAsync())
                Log.LogWarning("Background work {Kind}: record {Id} was done, but its lease had passed to another server", Kind, id);
            return;
        }
        if (abort.IsCancellationRequested)
        {
            // The server is stopping before the work could finish: hand the record back, this attempt uncounted, so
            // that the next start (of any server) takes it at once.
            await held.ExecuteUpdateAsync(set =>
            {
                EndLease(set, l);
                set.SetProperty(l.Of(w => w.Attempts), l.Of(w => w.Attempts - 1));
            }, CancellationToken.None);
            Log.LogInformation("Background work {Kind}: handed record {Id} back at shutdown", Kind, id);
            return;
        }

        if (await ErasedAsync())
            return;
        var error = WorkLease.Trim(string.IsNullOrWhiteSpace(failure.Message) ? failure.GetType().Name : failure.Message);
        if (attempt < Settings.MaxAttempts && books.IsWorthRetrying(failure))
        {
            DateTime? next = now + Settings.BackoffAfter(attempt);
            Log.LogWarning(failure, "Background work {Kind}: record {Id} failed (attempt {Attempt} of {MaxAttempts}); trying again at {Next:o}",
                Kind, id, attempt, Settings.MaxAttempts, next);
            await held.ExecuteUpdateAsync(set =>
            {
                EndLease(set, l);
                set.SetProperty(l.Of(w => w.NextAttemptAt), next).SetProperty(l.Of(w => w.LastError), error);
            }, CancellationToken.None);
            return;
        }

        Log.LogWarning(failure, "Background work {Kind}: record {Id} failed for good after {Attempt} attempt(s)", Kind, id, attempt);
        DateTime? failedAt = now;
        await db.InTransactionAsync(async () =>
        {
            var given = await held.ExecuteUpdateAsync(set =>
            {
                EndLease(set, l);
                set.SetProperty(l.Of(w => w.LastError), error).SetProperty(l.Of(w => w.FailedAt), failedAt);
                books.OnFailed(set, error, now);
            }, CancellationToken.None);
            if (given == 1)
                await books.AfterFailedAsync(record, error, CancellationToken.None);
            return true;
        }, CancellationToken.None);
    }

    /// <summary>
    /// Renews the lease every third of it until the work is finished; true when the lease was lost (another server took
    /// the record after this one stalled past its lease), in which case the work is cancelled.
    /// </summary>
    async Task<bool> KeepLeaseAsync(long id, int attempt, CancellationTokenSource working, CancellationToken finished)
    {
        try
        {
            using var timer = new PeriodicTimer(Settings.Renewal, clock);
            while (await timer.WaitForNextTickAsync(finished))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
                    var l = LeaseOf(scope.ServiceProvider.GetRequiredService<TQueue>());
                    DateTime? until = Now + Settings.Lease;
                    var renewed = await Held(db, l, id, attempt)
                        .ExecuteUpdateAsync(set => set.SetProperty(l.Of(w => w.LeaseUntil), until), finished);
                    if (renewed == 0)
                    {
                        await working.CancelAsync();
                        return true;
                    }
                }
                catch (Exception e) when (!finished.IsCancellationRequested)
                {
                    // The database busy for a moment: the lease has two more thirds to go.
                    Log.LogWarning(e, "Background work {Kind}: could not renew the lease of record {Id}", Kind, id);
                }
            }
        }
        catch (Exception) when (finished.IsCancellationRequested)
        {
            // The work ended while a renewal was under way: the lease is ended next, whatever became of it.
        }
        return false;
    }

    /// <summary>The record while this claim holds it: same owner, same attempt.</summary>
    IQueryable<TRecord> Held(StudioDbContext db, LeaseExpressions<TRecord> l, long id, int attempt)
    {
        var owner = instance.Id;
        return db.Set<TRecord>().IgnoreQueryFilters().Where(RecordIds<TRecord>.Is(id))
            .Where(l.Of(w => w.LeaseOwner == owner && w.Attempts == attempt));
    }

    static void EndLease(Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<TRecord> set, LeaseExpressions<TRecord> l) => set
        .SetProperty(l.Of(w => w.LeaseOwner), (string?)null)
        .SetProperty(l.Of(w => w.LeaseUntil), (DateTime?)null)
        .SetProperty(l.Of(w => w.NextAttemptAt), (DateTime?)null);

    public override async Task<BackgroundWorkState> StateAsync(IServiceProvider services, DateTime now, CancellationToken ct)
    {
        var db = services.GetRequiredService<StudioDbContext>();
        var queue = services.GetRequiredService<TQueue>();
        var l = LeaseOf(queue);
        var waiting = db.Set<TRecord>().AsNoTracking().Where(queue.Waiting);
        var running = await waiting.Where(l.Of(w => w.LeaseUntil >= now)).CountAsync(ct);
        var idle = waiting.Where(l.Of(w => w.LeaseUntil == null || w.LeaseUntil < now));
        var retrying = await idle.Where(l.Of(w => w.NextAttemptAt > now)).CountAsync(ct);
        var queued = await idle.Where(l.Of(w => w.NextAttemptAt == null || w.NextAttemptAt <= now)).CountAsync(ct);
        var oldest = await idle.OrderBy(RecordIds<TRecord>.Id).Select(queue.CreatedAt).Take(1).ToListAsync(ct);

        var gaveUp = db.Set<TRecord>().AsNoTracking().Where(LeaseExpressions<TRecord>.Not(queue.Waiting)).Where(l.Of(w => w.FailedAt != null));
        var failed = await gaveUp.CountAsync(ct);
        var recent = failed == 0 ? [] : await gaveUp.OrderByDescending(l.Of(w => w.FailedAt)).ThenByDescending(RecordIds<TRecord>.Id)
            .Take(5).Select(l.Failure).ToListAsync(ct);
        return new BackgroundWorkState(queued, running, retrying, failed, oldest.Count == 0 ? null : oldest[0], null, recent);
    }
}

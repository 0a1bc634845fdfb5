using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Persistence;

namespace StudioApi.Platform.Background;

/// <summary>
/// The engine for a <see cref="StreamConsumer{TEntry}"/>: reads the entries after the consumer's
/// <see cref="EventCursor"/>, moves the cursor past them and has them handled, in one transaction. A batch that fails
/// rolls back; the cursor records the attempt and the error and the same entries are read again after a backoff
/// (BackoffSeconds × 2^(attempt − 1), capped at MaxBackoffSeconds), never skipped.
/// </summary>
public sealed class StreamWorker<TConsumer, TEntry, TSignal>(
    string kind, string cursor, WorkerSettings settings, IServiceScopeFactory scopes, TSignal signal, TimeProvider clock,
    ILogger<TConsumer> log) : BackgroundWorker(kind, settings, signal, log)
    where TConsumer : StreamConsumer<TEntry>
    where TEntry : class, IHasId
    where TSignal : WakeSignal
{
    public override BackgroundWorkFlavour Flavour => BackgroundWorkFlavour.Stream;

    /// <summary>The name of the consumer's row in EventCursors.</summary>
    public string Cursor { get; } = cursor;

    DateTime Now => clock.GetUtcNow().UtcDateTime;

    protected override async Task<bool> PassAsync(CancellationToken stopClaiming, CancellationToken abort)
    {
        await using var scope = scopes.CreateAsyncScope();
        // A batch is one short transaction: once begun, it finishes unless the server gives up waiting.
        return await ReadNextBatchAsync(scope.ServiceProvider, abort);
    }

    /// <summary>Reads and handles one batch in the caller's scope; true when there may be more to read.</summary>
    public async Task<bool> ReadNextBatchAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<StudioDbContext>();
        var consumer = services.GetRequiredService<TConsumer>();
        var state = await db.EventCursors.AsNoTracking().Where(c => c.Consumer == Cursor)
            .Select(c => new { c.NextAttemptAt }).SingleOrDefaultAsync(ct);
        if (state is null)
        {
            db.EventCursors.Add(new EventCursor { Consumer = Cursor, LastId = 0 });
            await db.SaveChangesAsync(ct); // two servers starting at once: the loser's unique violation is retried at the next poll
            db.ChangeTracker.Clear();
        }
        else if (state.NextAttemptAt > Now)
            return false; // waiting out the backoff after a failed batch

        try
        {
            return await db.InTransactionAsync(async () =>
            {
                var last = await db.EventCursors.Where(c => c.Consumer == Cursor).Select(c => c.LastId).SingleAsync(ct);
                var entries = await db.Set<TEntry>().AsNoTracking().Where(RecordIds<TEntry>.After(last))
                    .OrderBy(RecordIds<TEntry>.Id).Take(consumer.BatchSize).ToListAsync(ct);
                if (entries.Count == 0)
                    return false;
                // Claim the batch first: the write takes the lock a second server would need, which then finds the cursor moved.
                var claimed = await db.EventCursors.Where(c => c.Consumer == Cursor && c.LastId == last).ExecuteUpdateAsync(s => s
                    .SetProperty(c => c.LastId, entries[^1].Id)
                    .SetProperty(c => c.Attempts, 0)
                    .SetProperty(c => c.NextAttemptAt, (DateTime?)null)
                    .SetProperty(c => c.LastError, (string?)null), ct);
                if (claimed == 0)
                    return true;
                await consumer.HandleAsync(entries, ct);
                return true;
            }, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            await RecordFailureAsync(e);
            return false;
        }
    }

    async Task RecordFailureAsync(Exception failure)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
        var attempts = await db.EventCursors.Where(c => c.Consumer == Cursor).Select(c => c.Attempts).SingleAsync() + 1;
        DateTime? next = Now + Settings.BackoffAfter(attempts);
        var error = WorkLease.Trim(string.IsNullOrWhiteSpace(failure.Message) ? failure.GetType().Name : failure.Message);
        await db.EventCursors.Where(c => c.Consumer == Cursor).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Attempts, attempts)
            .SetProperty(c => c.NextAttemptAt, next)
            .SetProperty(c => c.LastError, error));
        Log.LogWarning(failure, "Background work {Kind}: a batch failed (attempt {Attempt}); reading it again at {Next:o}", Kind, attempts, next);
    }

    public override async Task<BackgroundWorkState> StateAsync(IServiceProvider services, DateTime now, CancellationToken ct)
    {
        var db = services.GetRequiredService<StudioDbContext>();
        var consumer = services.GetRequiredService<TConsumer>();
        var position = await db.EventCursors.AsNoTracking().SingleOrDefaultAsync(c => c.Consumer == Cursor, ct);
        var after = db.Set<TEntry>().AsNoTracking().Where(RecordIds<TEntry>.After(position?.LastId ?? 0));
        var waiting = await after.CountAsync(ct);
        var oldest = waiting == 0 ? [] : await after.OrderBy(RecordIds<TEntry>.Id).Select(consumer.CreatedAt).Take(1).ToListAsync(ct);
        var backingOff = position?.NextAttemptAt > now;
        return new BackgroundWorkState(backingOff ? 0 : waiting, 0, backingOff ? waiting : 0, 0,
            oldest.Count == 0 ? null : oldest[0], position?.LastError, []);
    }
}

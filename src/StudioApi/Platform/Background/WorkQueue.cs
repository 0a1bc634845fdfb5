using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;
using StudioApi.Platform.Persistence;

namespace StudioApi.Platform.Background;

/// <summary>
/// A queue whose items are records of one kind in their own table (images waiting for renditions, render runs, and
/// next outbox messages, lab submissions, roster imports, batch sends): what a kind of work plugs into the engine
/// (<see cref="QueueWorker{TQueue,TRecord,TSignal}"/>), registered with
/// <see cref="BackgroundWorkRegistration.AddWorkQueue{TQueue,TRecord,TSignal}"/>. The record keeps its own state and
/// carries a <see cref="WorkLease"/>; the engine claims waiting records with a guarded update, renews the lease while
/// <see cref="ProcessAsync"/> works, records attempts and errors, retries with backoff, gives up after the last attempt,
/// and hands work back on a graceful stop. Resolved per claimed record, in that record's scope (inject what it needs).
/// </summary>
public abstract class WorkQueue<TRecord> where TRecord : class, IHasId
{
    /// <summary>The record's lease columns (<c>i =&gt; i.Rendition</c>).</summary>
    public abstract Expression<Func<TRecord, WorkLease>> Lease { get; }

    /// <summary>When the record was created: the admin list shows how long the oldest waiting one has waited.</summary>
    public abstract Expression<Func<TRecord, DateTime>> CreatedAt { get; }

    /// <summary>Records whose own state says there is work to do, whatever their lease (images pending, runs queued or running).</summary>
    public abstract Expression<Func<TRecord, bool>> Waiting { get; }

    /// <summary>Sets the record's own state as it is claimed (a run becomes running), in the update that takes the lease.</summary>
    public virtual void OnClaimed(UpdateSettersBuilder<TRecord> set, DateTime now)
    {
    }

    /// <summary>
    /// Does the work of one claimed record. Returning means done; throwing fails the attempt (retried with backoff when
    /// <see cref="IsWorthRetrying"/>, up to MaxAttempts). <paramref name="ct"/> is cancelled when the lease was lost to
    /// another server or the server stops before the work could finish: then stop, leaving the record as it can be resumed.
    /// </summary>
    public abstract Task ProcessAsync(TRecord record, CancellationToken ct);

    /// <summary>Sets the record's own state once done (renditions ready), in the update that ends the lease.</summary>
    public virtual void OnDone(UpdateSettersBuilder<TRecord> set, DateTime now)
    {
    }

    /// <summary>Sets the record's own state when the engine gives up on it, in the update that ends the lease.</summary>
    public abstract void OnFailed(UpdateSettersBuilder<TRecord> set, string error, DateTime now);

    /// <summary>What else giving up means (a render job moves its session to the failure status); same transaction.</summary>
    public virtual Task AfterFailedAsync(TRecord record, string error, CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// The record was erased while it was worked on (a purge committed meanwhile): removes what the work left outside
    /// the database (files written after the purge deleted its own), so nothing is orphaned.
    /// </summary>
    public virtual Task AfterGoneAsync(TRecord record, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Whether a failure may go away by itself (a network, a lock); one that cannot fails the record at once.</summary>
    public virtual bool IsWorthRetrying(Exception failure) => true;
}

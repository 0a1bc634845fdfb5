using System.Linq.Expressions;
using StudioApi.Platform.Persistence;

namespace StudioApi.Platform.Background;

/// <summary>
/// A reader of an append-only stream of records (the status log) that keeps its place in a durable
/// <see cref="EventCursor"/>: the engine (<see cref="StreamWorker{TConsumer,TEntry,TSignal}"/>) reads the entries after
/// the cursor in id order, moves the cursor past them and calls <see cref="HandleAsync"/>, all in one transaction, so
/// after a crash an entry is neither lost nor handled twice. A failed batch rolls back and is read again after a
/// backoff; an entry is never skipped. Resolved per batch, in that batch's scope.
/// </summary>
public abstract class StreamConsumer<TEntry> where TEntry : class, IHasId
{
    public virtual int BatchSize => 200;

    /// <summary>When an entry was written: the admin list shows how far behind the consumer is.</summary>
    public abstract Expression<Func<TEntry, DateTime>> CreatedAt { get; }

    /// <summary>Handles entries in id order, inside the transaction that moves the cursor past them.</summary>
    public abstract Task HandleAsync(IReadOnlyList<TEntry> batch, CancellationToken ct);
}

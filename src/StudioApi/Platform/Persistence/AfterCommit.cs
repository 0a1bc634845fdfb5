using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace StudioApi.Platform.Persistence;

/// <summary>
/// Runs what a unit of work queued with <see cref="StudioDbContext.AfterCommit"/> once its transaction has committed,
/// whoever commits it: the slice itself, or the idempotency middleware that wraps a POST in its own transaction.
/// Work queued in a transaction that rolls back is dropped. One instance serves every context; the queue is the context's.
/// </summary>
public sealed class AfterCommitInterceptor : DbTransactionInterceptor
{
    public static readonly AfterCommitInterceptor Instance = new();

    public override async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is StudioDbContext db)
            await db.RunAfterCommitAsync(cancellationToken);
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is StudioDbContext db)
            db.RunAfterCommitAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as StudioDbContext)?.DropAfterCommit();
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        (eventData.Context as StudioDbContext)?.DropAfterCommit();

    public override ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        // A transaction that was disposed without commit or rollback leaves nothing behind for the next one.
        (eventData.Context as StudioDbContext)?.DropAfterCommit();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result)
    {
        (eventData.Context as StudioDbContext)?.DropAfterCommit();
        return result;
    }
}

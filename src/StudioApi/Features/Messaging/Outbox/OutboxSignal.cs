using StudioApi.Platform.Background;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Messaging.Outbox;

/// <summary>Wakes the outbox's workers when a message is queued.</summary>
public sealed class OutboxSignal : WakeSignal;

/// <summary>
/// Wakes the outbox once what was queued is committed: a wake before the commit would find nothing and leave the
/// message to the next poll (a creating POST runs inside its Idempotency-Key transaction).
/// </summary>
public sealed class OutboxWake(StudioDbContext db, OutboxSignal signal)
{
    public void Wake()
    {
        if (db.Database.CurrentTransaction is null)
            signal.Wake();
        else
            db.AfterCommit(_ =>
            {
                signal.Wake();
                return Task.CompletedTask;
            });
    }
}

using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Background;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;
using StudioApi.Platform.Workflow;

namespace StudioApi.Features.Messaging.Triggers;

/// <summary>Wakes the status triggers as soon as a status changes.</summary>
public sealed class StatusTriggerSignal : WakeSignal;

public sealed class StatusTriggerWake(StatusTriggerSignal signal) : IStatusChangeHandler
{
    public Task HandleAsync(IReadOnlyList<StatusChanged> changes, CancellationToken ct)
    {
        signal.Wake();
        return Task.CompletedTask;
    }
}

/// <summary>
/// Fires status-change and creation triggers from the status log, the durable stream of status changes, as a stream
/// consumer of the background-work engine (kind <see cref="Kind"/>, settings <c>Background:Triggers:…</c>): each batch
/// of entries after the cursor is handled in the transaction that moves the cursor, and the ledger is unique, so a
/// change is neither lost (a crash reads it again) nor fired twice. A record's creation is its first entry (it starts
/// at its workflow's initial status). Only changes made after a trigger was made active fire it.
/// </summary>
public sealed class StatusTriggerConsumer(StudioDbContext db, TriggerFirer firer, StudioCalendar calendar) : StreamConsumer<StatusLogEntry>
{
    public const string Kind = "triggers";
    public const string Cursor = "triggers";

    static readonly Expression<Func<StatusLogEntry, DateTime>> ChangedAt = e => e.ChangedAt;

    public override Expression<Func<StatusLogEntry, DateTime>> CreatedAt => ChangedAt;

    public override async Task HandleAsync(IReadOnlyList<StatusLogEntry> entries, CancellationToken ct)
    {
        var kinds = entries.Select(e => e.Kind).Distinct().ToList();
        var triggers = await db.Triggers.AsNoTracking()
            .Where(t => t.IsActive && (t.Event == TriggerEvent.StatusChange || t.Event == TriggerEvent.Creation) && kinds.Contains(t.RecordKind))
            .OrderBy(t => t.Id).ToListAsync(ct);
        if (triggers.Count == 0)
            return;
        var today = await calendar.TodayAsync(ct);
        foreach (var entry in entries)
            foreach (var trigger in triggers.Where(t => Matches(t, entry)))
                await firer.FireAsync(trigger, entry.RecordId, $"log:{entry.Id}", entry.ChangedAt, today, ct);
    }

    /// <summary>Whether the entry is the trigger's event: its kind, its status (or creation), its types, after it was made active.</summary>
    public static bool Matches(Trigger trigger, StatusLogEntry entry) =>
        trigger.RecordKind == entry.Kind
        && entry.ChangedAt >= trigger.ActivatedAt
        && (trigger.TypeIds.Count == 0 || entry.TypeId is { } type && trigger.TypeIds.Contains(type))
        && (trigger.Event == TriggerEvent.Creation
            ? entry.FromStatusId is null
            : entry.FromStatusId is not null && (trigger.StatusId is null || trigger.StatusId == entry.ToStatusId));
}

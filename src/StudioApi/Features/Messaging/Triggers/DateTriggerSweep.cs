using Microsoft.EntityFrameworkCore;
using Quartz;
using StudioApi.Features.Clients;
using StudioApi.Features.Scheduling;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;
using StudioApi.Platform.Workflow;

namespace StudioApi.Features.Messaging.Triggers;

public sealed class TriggerOptions
{
    public const string Section = "Triggers";

    /// <summary>How far back a sweep looks for date triggers that came due while no server ran (default 7 days).</summary>
    public int CatchUpDays { get; set; } = 7;
}

/// <summary>
/// Fires date triggers that have come due, run by Quartz every minute (and by tests directly, on the fake clock). For
/// each active date trigger it looks for records whose date (plus the offset, at the time of day, in the studio's time
/// zone: <see cref="TriggerClock"/>) fell due after the trigger was made active and after the start of the catch-up
/// window (CatchUpDays), so a server that was down fires what it missed when it is back. A trigger counting down to a
/// date that has passed meanwhile (a reminder for a session that is over) is skipped with that reason rather than sent
/// late. Firing is the ledger's unique row, so two servers sweeping at once, or a sweep repeated, fire each once.
/// </summary>
public sealed class DateTriggerSweep(StudioDbContext db, TriggerFirer firer, Microsoft.Extensions.Options.IOptions<TriggerOptions> options)
{
    /// <summary>Sweeps once; answers how many firings (fired or skipped) it recorded.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var settings = await db.GetStudioSettingsAsync(forUpdate: false, ct);
        var calendar = StudioCalendar.From(settings);
        var zone = calendar.TimeZone;
        var now = db.UtcNow;
        var today = calendar.LocalDate(now);
        var triggers = await db.Triggers.AsNoTracking().Where(t => t.IsActive && t.Event == TriggerEvent.Date).OrderBy(t => t.Id).ToListAsync(ct);
        var recorded = 0;
        foreach (var trigger in triggers)
        {
            var from = new[] { trigger.ActivatedAt ?? now, now.AddDays(-Math.Max(0, options.Value.CatchUpDays)) }.Max();
            if (from >= now)
                continue;
            var time = trigger.TimeOfDay ?? new TimeOnly(9, 0);
            // The record dates whose due instant can fall in (from, now]; a day either side for time zones and gaps.
            var low = calendar.LocalDate(from).AddDays(-trigger.OffsetDays - 1);
            var high = today.AddDays(-trigger.OffsetDays + 1);
            foreach (var (recordId, date, statusId) in await CandidatesAsync(trigger, low, high, ct))
            {
                var dueAt = TriggerClock.DueAt(date.AddDays(trigger.OffsetDays), time, zone);
                if (dueAt <= from || dueAt > now)
                    continue;
                var occurrence = trigger.DateField == TriggerDateField.StatusDueDate ? $"due:{statusId}:{date:yyyy-MM-dd}" : $"date:{date:yyyy-MM-dd}";
                var late = trigger.OffsetDays <= 0 && date < today;
                var fired = await db.InTransactionAsync(async () => late
                    ? await firer.SkipAsync(trigger, recordId, occurrence, dueAt, $"Came due while no server was running, and its {Name(trigger)} ({date:yyyy-MM-dd}) has passed.", ct)
                    : await firer.FireAsync(trigger, recordId, occurrence, dueAt, today, ct), ct);
                if (fired is not null)
                    recorded++;
            }
        }
        return recorded;
    }

    static string Name(Trigger trigger) => trigger.DateField == TriggerDateField.SessionDate ? "session date" : "status due date";

    /// <summary>Live records of the trigger's kind and types whose date is in [low, high], with their status.</summary>
    async Task<List<(long Id, DateOnly Date, long? StatusId)>> CandidatesAsync(Trigger trigger, DateOnly low, DateOnly high, CancellationToken ct)
    {
        var types = trigger.TypeIds;
        switch (trigger.RecordKind, trigger.DateField)
        {
            case (RecordKind.Session, TriggerDateField.SessionDate):
                return (await db.Sessions.Where(s => s.Date >= low && s.Date <= high && (types.Count == 0 || types.Contains(s.SessionTypeId ?? 0)))
                    .Select(s => new { s.Id, s.Date, s.StatusId }).ToListAsync(ct)).Select(s => (s.Id, s.Date, s.StatusId)).ToList();
            case (RecordKind.Session, TriggerDateField.StatusDueDate):
                return (await db.Sessions.Where(s => s.StatusDueDate >= low && s.StatusDueDate <= high && (types.Count == 0 || types.Contains(s.SessionTypeId ?? 0)))
                    .Select(s => new { s.Id, Date = s.StatusDueDate!.Value, s.StatusId }).ToListAsync(ct)).Select(s => (s.Id, s.Date, s.StatusId)).ToList();
            case (RecordKind.Client, TriggerDateField.StatusDueDate):
                return (await db.Clients.Where(c => c.StatusDueDate >= low && c.StatusDueDate <= high)
                    .Select(c => new { c.Id, Date = c.StatusDueDate!.Value, c.StatusId }).ToListAsync(ct)).Select(c => (c.Id, c.Date, c.StatusId)).ToList();
            case (RecordKind.Task, TriggerDateField.StatusDueDate):
                return (await db.Tasks.Where(t => t.StatusDueDate >= low && t.StatusDueDate <= high && (types.Count == 0 || types.Contains(t.TaskTypeId)))
                    .Select(t => new { t.Id, Date = t.StatusDueDate!.Value, t.StatusId }).ToListAsync(ct)).Select(t => (t.Id, t.Date, t.StatusId)).ToList();
            default:
                return [];
        }
    }
}

/// <summary>The Quartz job behind <see cref="DateTriggerSweep"/>.</summary>
[DisallowConcurrentExecution]
public sealed class DateTriggerJob(DateTriggerSweep sweep) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct) => await sweep.RunAsync(ct);
}

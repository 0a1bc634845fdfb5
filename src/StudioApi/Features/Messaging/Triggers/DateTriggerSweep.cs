using Microsoft.EntityFrameworkCore;
using Quartz;
using StudioApi.Features.Clients;
using StudioApi.Features.Sales;
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
public sealed class DateTriggerSweep(StudioDbContext db, TriggerFirer firer, Printing.JobSheetRenderer jobSheets, Printing.PrintQueue printQueue,
    Microsoft.Extensions.Options.IOptions<TriggerOptions> options)
{
    const int FiringsPerTransaction = 100;

    /// <summary>Sweeps once; answers how many firings (fired or skipped) it recorded.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var settings = await db.GetStudioSettingsAsync(forUpdate: false, ct);
        var calendar = StudioCalendar.From(settings);
        var zone = calendar.TimeZone;
        var now = db.UtcNow;
        var today = calendar.LocalDate(now);
        var triggers = await db.Triggers.AsNoTracking().Where(t => t.IsActive && (t.Event == TriggerEvent.Date || t.Event == TriggerEvent.Daily))
            .OrderBy(t => t.Id).ToListAsync(ct);
        var recorded = 0;
        foreach (var trigger in triggers)
        {
            var from = new[] { trigger.ActivatedAt ?? now, now.AddDays(-Math.Max(0, options.Value.CatchUpDays)) }.Max();
            if (from >= now)
                continue;
            var time = trigger.TimeOfDay ?? new TimeOnly(9, 0);
            if (trigger.Event == TriggerEvent.Daily)
            {
                recorded += await PrintJobSheetsAsync(trigger, calendar.LocalDate(from), today, time, from, now, zone, ct);
                continue;
            }
            // The record dates whose due instant can fall in (from, now]; a day either side for time zones and gaps.
            var low = calendar.LocalDate(from).AddDays(-trigger.OffsetDays - 1);
            var high = today.AddDays(-trigger.OffsetDays + 1);
            var candidates = await CandidatesAsync(trigger, low, high, ct);
            // What the trigger already did for these records, read once, so a sweep with nothing new to do is one query, not one a record.
            var done = new HashSet<(long, string)>();
            foreach (var part in candidates.Select(c => c.Id).Distinct().Chunk(1000))
                foreach (var firing in await db.TriggerFirings.Where(f => f.TriggerId == trigger.Id && part.Contains(f.RecordId))
                             .Select(f => new { f.RecordId, f.Occurrence }).ToListAsync(ct))
                    done.Add((firing.RecordId, firing.Occurrence));
            var due = new List<(long RecordId, string Occurrence, DateTime DueAt, DateOnly Date, string? Settled)>();
            foreach (var (recordId, date, statusId, instalmentId, settled) in candidates)
            {
                var dueAt = TriggerClock.DueAt(date.AddDays(trigger.OffsetDays), time, zone);
                if (dueAt <= from || dueAt > now)
                    continue;
                var occurrence = trigger.DateField switch
                {
                    TriggerDateField.StatusDueDate => $"due:{statusId}:{date:yyyy-MM-dd}",
                    // Each instalment once; one moved to another day (a new plan) is another occurrence.
                    TriggerDateField.InstalmentDueDate => $"instalment:{instalmentId}:{date:yyyy-MM-dd}",
                    _ => $"date:{date:yyyy-MM-dd}",
                };
                if (!done.Contains((recordId, occurrence)))
                    due.Add((recordId, occurrence, dueAt, date, settled));
            }
            // A hundred firings a transaction: one commit for many, while each firing still checks and writes its own ledger row.
            foreach (var chunk in due.Chunk(FiringsPerTransaction))
            {
                recorded += await db.InTransactionAsync(async () =>
                {
                    var fired = 0;
                    foreach (var (recordId, occurrence, dueAt, date, settled) in chunk)
                    {
                        var late = trigger.OffsetDays <= 0 && date < today;
                        var firing = late
                            ? await firer.SkipAsync(trigger, recordId, occurrence, dueAt, $"Came due while no server was running, and its {Name(trigger)} ({date:yyyy-MM-dd}) has passed.", ct)
                            : settled is not null
                                ? await firer.SkipAsync(trigger, recordId, occurrence, dueAt, settled, ct)
                                : await firer.FireAsync(trigger, recordId, occurrence, dueAt, today, ct);
                        if (firing is not null)
                            fired++;
                    }
                    return fired;
                }, ct);
                // What the chunk saved is done with: a tracker holding thousands of rows would slow every later save.
                db.ChangeTracker.Clear();
            }
        }
        return recorded;
    }

    /// <summary>A daily trigger: each day in the window whose time has come prints its job sheet, once (the ledger's day:… row, record 0).</summary>
    async Task<int> PrintJobSheetsAsync(Trigger trigger, DateOnly first, DateOnly last, TimeOnly time, DateTime from, DateTime now, TimeZoneInfo zone, CancellationToken ct)
    {
        var printed = 0;
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            var dueAt = TriggerClock.DueAt(day, time, zone);
            if (dueAt <= from || dueAt > now)
                continue;
            var occurrence = $"day:{day:yyyy-MM-dd}";
            bool done;
            try
            {
                done = await db.InTransactionAsync(async () =>
                {
                    if (await db.TriggerFirings.AnyAsync(f => f.TriggerId == trigger.Id && f.RecordId == 0 && f.Occurrence == occurrence, ct))
                        return false;
                    var listed = day.AddDays(trigger.OffsetDays);
                    var (pdf, pages, sessions) = await jobSheets.RenderAsync(listed, ct);
                    var job = await printQueue.AddAsync(Printing.PrintJobKind.JobSheet, Printing.JobSheetRenderer.Title(listed, sessions), pdf, pages, listed, null, ct);
                    var firing = new TriggerFiring
                    {
                        TriggerId = trigger.Id, RecordKind = trigger.RecordKind, RecordId = 0, Occurrence = occurrence, DueAt = dueAt, FiredAt = db.UtcNow,
                        Outcome = FiringOutcome.Fired, Detail = $"Printed the job sheet of {listed:yyyy-MM-dd} ({sessions} sessions).",
                    };
                    db.TriggerFirings.Add(firing);
                    // Saved twice: the print job's id, named in the detail, is known once the first save has inserted it.
                    await db.SaveChangesAsync(ct);
                    firing.Detail += $" Print job {job.Id}.";
                    await db.SaveChangesAsync(ct);
                    return true;
                }, ct);
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                // Another server printed it meanwhile; the PDF this one stored is a spare the reconciler quarantines.
                db.ChangeTracker.Clear();
                done = false;
            }
            if (done)
                printed++;
        }
        return printed;
    }

    static string Name(Trigger trigger) => trigger.DateField switch
    {
        TriggerDateField.SessionDate => "session date",
        TriggerDateField.InvoiceDate => "invoice date",
        TriggerDateField.InstalmentDueDate => "instalment's due date",
        _ => "status due date",
    };

    /// <summary>
    /// Live records of the trigger's kind and types whose date is in [low, high], with their status; for instalments the
    /// instalment too, and why it is not to fire (already covered by payments and credits) as <c>Settled</c>.
    /// </summary>
    async Task<List<(long Id, DateOnly Date, long? StatusId, long? InstalmentId, string? Settled)>> CandidatesAsync(Trigger trigger, DateOnly low, DateOnly high,
        CancellationToken ct) =>
        trigger.DateField switch
        {
            TriggerDateField.InvoiceDate when trigger.RecordKind == RecordKind.Invoice =>
                (await db.Invoices.Where(i => i.Date >= low && i.Date <= high).Select(i => new { i.Id, i.Date, i.StatusId }).ToListAsync(ct))
                .Select(i => (i.Id, i.Date, i.StatusId, (long?)null, (string?)null)).ToList(),
            // Read from the instalments' due-date index; covered once paid + credited reach the instalment's cumulative amount.
            TriggerDateField.InstalmentDueDate when trigger.RecordKind == RecordKind.Invoice =>
                (await db.Invoices.SelectMany(i => i.Instalments.Where(x => x.DueDate >= low && x.DueDate <= high),
                        (i, x) => new { i.Id, x.DueDate, i.StatusId, InstalmentId = x.Id, x.Kind, Paid = i.Covered >= x.Cumulative })
                    .ToListAsync(ct))
                .Select(x => (x.Id, x.DueDate, x.StatusId, (long?)x.InstalmentId,
                    x.Paid ? $"The {(x.Kind == Sales.Invoices.InstalmentKind.Deposit ? "deposit" : "instalment")} due {x.DueDate:yyyy-MM-dd} is paid." : null))
                .ToList(),
            _ => (await RecordDatesAsync(trigger, low, high, ct)).Select(r => (r.Id, r.Date, r.StatusId, (long?)null, (string?)null)).ToList(),
        };

    async Task<List<(long Id, DateOnly Date, long? StatusId)>> RecordDatesAsync(Trigger trigger, DateOnly low, DateOnly high, CancellationToken ct)
    {
        var types = trigger.TypeIds;
        switch (trigger.RecordKind, trigger.DateField)
        {
            case (RecordKind.Invoice, TriggerDateField.StatusDueDate):
                return (await db.Invoices.Where(i => i.StatusDueDate >= low && i.StatusDueDate <= high)
                    .Select(i => new { i.Id, Date = i.StatusDueDate!.Value, i.StatusId }).ToListAsync(ct)).Select(i => (i.Id, i.Date, i.StatusId)).ToList();
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

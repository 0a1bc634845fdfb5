using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Clients;
using StudioApi.Features.Clients.Tasks;
using StudioApi.Features.Messaging.Communications;
using StudioApi.Features.Messaging.Merging;
using StudioApi.Features.Messaging.Outbox;
using StudioApi.Features.Messaging.Templates;
using StudioApi.Features.Sales;
using StudioApi.Features.Scheduling;
using StudioApi.Features.Scheduling.Sessions;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Workflow;
using StudioApi.Platform.Http;

namespace StudioApi.Features.Messaging.Triggers;

/// <summary>A record as a trigger sees it when it fires: its client, session, type, status, organization and flags.</summary>
public sealed record TriggerRecord(long Id, long? ClientId, long? SessionId, long? TaskId, long? TypeId, long? StatusId, long? OrganizationId,
    bool Cancelled, bool Confirmed, long? InvoiceId = null);

/// <summary>
/// Fires one trigger for one record and occurrence, once: the ledger row and the trigger's actions go into the caller's
/// transaction together, and a row already there (another server, an earlier run) means it fired already. Conditions
/// are checked on the record as it is now; a record that fails one, or an action that cannot be taken (its template
/// was retired), is recorded as skipped with the reason, and nothing is done.
/// </summary>
public sealed class TriggerFirer(StudioDbContext db, MessageComposer composer, StatusTransitions transitions, OutboxWake outbox)
{
    public async Task<TriggerFiring?> FireAsync(Trigger trigger, long recordId, string occurrence, DateTime dueAt, DateOnly today, CancellationToken ct)
    {
        if (await db.TriggerFirings.AnyAsync(f => f.TriggerId == trigger.Id && f.RecordId == recordId && f.Occurrence == occurrence, ct))
            return null;
        var firing = new TriggerFiring
        {
            TriggerId = trigger.Id, RecordKind = trigger.RecordKind, RecordId = recordId, Occurrence = occurrence, DueAt = dueAt, FiredAt = db.UtcNow,
        };

        var record = await ReadAsync(trigger.RecordKind, recordId, ct);
        var reason = record is null ? $"The {trigger.RecordKind.WireName()} is no longer on file." : WhyNot(trigger, record);
        List<(Communication? Message, StudioTask? Task)> made = [];
        if (reason is null)
        {
            try
            {
                made = await PrepareAsync(trigger, record!, today, ct);
            }
            catch (ApiProblem problem)
            {
                reason = problem.Detail ?? problem.Title;
            }
        }
        firing.Outcome = reason is null ? FiringOutcome.Fired : FiringOutcome.Skipped;

        db.TriggerFirings.Add(firing);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Fired meanwhile by someone else: theirs stands.
            db.Entry(firing).State = EntityState.Detached;
            return null;
        }
        if (reason is not null)
        {
            firing.Detail = Trim(reason);
            await db.SaveChangesAsync(ct);
            return firing;
        }

        var done = new List<string>();
        foreach (var (message, task) in made)
        {
            if (message is not null)
            {
                db.Communications.Add(message);
                await transitions.StartAsync(RecordKind.Communication, message, () => db.SaveChangesAsync(ct), ct);
                done.Add(message.State == DeliveryState.Skipped
                    ? $"{message.Kind.ToString().ToLowerInvariant()} {message.Id} (skipped: {message.SkipReason})"
                    : $"{message.Kind.ToString().ToLowerInvariant()} {message.Id}");
                if (message.State == DeliveryState.Queued)
                    outbox.Wake();
            }
            if (task is not null)
            {
                db.Tasks.Add(task);
                await transitions.StartAsync(RecordKind.Task, task, () => db.SaveChangesAsync(ct), ct);
                done.Add($"task {task.Id}");
            }
        }
        firing.Detail = Trim(done.Count == 0 ? "No actions." : $"Made {string.Join(", ", done)}.");
        await db.SaveChangesAsync(ct);
        return firing;
    }

    /// <summary>Records the occurrence as skipped with <paramref name="reason"/>, once; null when it was recorded already.</summary>
    public async Task<TriggerFiring?> SkipAsync(Trigger trigger, long recordId, string occurrence, DateTime dueAt, string reason, CancellationToken ct)
    {
        if (await db.TriggerFirings.AnyAsync(f => f.TriggerId == trigger.Id && f.RecordId == recordId && f.Occurrence == occurrence, ct))
            return null;
        var firing = new TriggerFiring
        {
            TriggerId = trigger.Id, RecordKind = trigger.RecordKind, RecordId = recordId, Occurrence = occurrence, DueAt = dueAt, FiredAt = db.UtcNow,
            Outcome = FiringOutcome.Skipped, Detail = Trim(reason),
        };
        db.TriggerFirings.Add(firing);
        try
        {
            await db.SaveChangesAsync(ct);
            return firing;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            db.Entry(firing).State = EntityState.Detached;
            return null;
        }
    }

    /// <summary>The record's facts, or null when it is gone (recycle bin included).</summary>
    public async Task<TriggerRecord?> ReadAsync(RecordKind kind, long id, CancellationToken ct)
    {
        switch (kind)
        {
            case RecordKind.Session:
                var session = await db.Sessions.Where(s => s.Id == id)
                    .Select(s => new TriggerRecord(s.Id, s.ClientId, s.Id, null, s.SessionTypeId, s.StatusId, s.OrganizationId, s.Cancelled, s.Confirmed))
                    .SingleOrDefaultAsync(ct);
                // A session without an organization of its own belongs to its client's school, if the client is a student.
                return session is { OrganizationId: null }
                    ? session with { OrganizationId = await StudentOrganizationAsync(session.ClientId!.Value, ct) }
                    : session;
            case RecordKind.Client:
                var client = await db.Clients.Where(c => c.Id == id)
                    .Select(c => new TriggerRecord(c.Id, c.Id, null, null, null, c.StatusId, null, false, false)).SingleOrDefaultAsync(ct);
                return client is null ? null : client with { OrganizationId = await StudentOrganizationAsync(id, ct) };
            case RecordKind.Invoice:
                // Cancelled is void; the organization is the session's, else the client's school.
                var invoice = await db.Invoices.Where(i => i.Id == id)
                    .Select(i => new TriggerRecord(i.Id, i.ClientId, i.SessionId, null, null, i.StatusId,
                        db.Set<Session>().Where(s => s.Id == i.SessionId).Select(s => s.OrganizationId).FirstOrDefault(), i.VoidedAt != null, false, i.Id))
                    .SingleOrDefaultAsync(ct);
                return invoice is { OrganizationId: null }
                    ? invoice with { OrganizationId = await StudentOrganizationAsync(invoice.ClientId!.Value, ct) }
                    : invoice;
            case RecordKind.Task:
                return await db.Tasks.Where(t => t.Id == id)
                    .Select(t => new TriggerRecord(t.Id, t.ClientId, t.SessionId, t.Id, t.TaskTypeId, t.StatusId, null, false, false)).SingleOrDefaultAsync(ct);
            default:
                return null;
        }
    }

    async Task<long?> StudentOrganizationAsync(long clientId, CancellationToken ct) =>
        await db.Clients.Where(c => c.Id == clientId && c.Student != null).Select(c => (long?)c.Student!.OrganizationId).SingleOrDefaultAsync(ct);

    /// <summary>Why the record does not meet the trigger's conditions now, or null when it does.</summary>
    public static string? WhyNot(Trigger trigger, TriggerRecord record)
    {
        if (record.Cancelled && !trigger.IncludeCancelled)
            return trigger.RecordKind == RecordKind.Invoice ? "The invoice is void." : "The session is cancelled.";
        if (trigger.ConditionConfirmed is { } confirmed && record.Confirmed != confirmed)
            return confirmed ? "The session is not confirmed." : "The session is confirmed.";
        if (trigger.ConditionStatusIds.Count > 0 && (record.StatusId is not { } status || !trigger.ConditionStatusIds.Contains(status)))
            return $"The {trigger.RecordKind.WireName()} is not at one of the trigger's statuses.";
        if (trigger.ConditionOrganizationId is { } organization && record.OrganizationId != organization)
            return $"The {trigger.RecordKind.WireName()} is not of the trigger's organization.";
        return null;
    }

    /// <summary>The messages and tasks the trigger's actions make for the record, rendered now; none saved yet.</summary>
    async Task<List<(Communication?, StudioTask?)>> PrepareAsync(Trigger trigger, TriggerRecord record, DateOnly today, CancellationToken ct)
    {
        var made = new List<(Communication?, StudioTask?)>();
        foreach (var action in trigger.Actions.OrderBy(a => a.Position))
        {
            var title = action.Title ?? trigger.Name;
            var due = today.AddDays(action.DueInDays);
            switch (action.Kind)
            {
                case TriggerActionKind.Task:
                    made.Add((null, new StudioTask
                    {
                        TaskTypeId = action.TaskTypeId!.Value, Title = title, ClientId = record.ClientId, SessionId = record.SessionId,
                        AssignedUserId = action.AssignedUserId, DueDate = due,
                        Description = $"Made by trigger '{trigger.Name}'.",
                    }));
                    break;
                case TriggerActionKind.Call:
                    made.Add((new Communication
                    {
                        Kind = CommunicationKind.Call, ClientId = record.ClientId ?? throw NoClient(trigger), SessionId = record.SessionId, TaskId = record.TaskId,
                        InvoiceId = record.InvoiceId, CallTypeId = action.CallTypeId, DueDate = due, AssignedUserId = action.AssignedUserId, Subject = title,
                    }, null));
                    break;
                case TriggerActionKind.JobSheet:
                    break; // a daily trigger's: see DateTriggerSweep
                default:
                    var template = await db.MessageTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Id == action.TemplateId, ct);
                    if (template is null || !template.IsActive)
                        throw ApiProblem.RuleBroken($"Template {action.TemplateId} is in the recycle bin or inactive.");
                    if (template.RecordType == MergeRecordType.Session && record.SessionId is null)
                        throw ApiProblem.RuleBroken($"Template {template.Name} is written for a session; the {trigger.RecordKind.WireName()} has none.");
                    if (template.RecordType == MergeRecordType.Invoice && record.InvoiceId is null)
                        throw ApiProblem.RuleBroken($"Template {template.Name} is written for an invoice; the {trigger.RecordKind.WireName()} is none.");
                    var message = new Communication
                    {
                        Kind = action.Kind switch { TriggerActionKind.Sms => CommunicationKind.Sms, TriggerActionKind.Letter => CommunicationKind.Letter, _ => CommunicationKind.Email },
                        ClientId = record.ClientId ?? throw NoClient(trigger), SessionId = record.SessionId, TaskId = record.TaskId,
                        InvoiceId = record.InvoiceId, AssignedUserId = action.AssignedUserId,
                    };
                    await composer.RenderAsync(message, template, ct);
                    await composer.QueueAsync(message, ct);
                    made.Add((message, null));
                    break;
            }
        }
        return made;
    }

    static ApiProblem NoClient(Trigger trigger) => ApiProblem.RuleBroken($"The {trigger.RecordKind.WireName()} has no client to send to.");

    static string Trim(string text) => text.Length <= 1000 ? text : text[..997] + "…";
}

using FluentValidation;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;
using StudioApi.Features.Clients;
using StudioApi.Features.Sales;
using StudioApi.Features.Sales.Invoices;
using StudioApi.Features.Scheduling;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Messaging.Communications;

/// <summary>The links and call fields a caller sets on create and update.</summary>
public abstract class CommunicationLinksInput
{
    /// <summary>The session it is about: a live session of the same client.</summary>
    public long? SessionId { get; set; }
    /// <summary>The invoice it is about: a live invoice of the same client that the caller may see.</summary>
    public long? InvoiceId { get; set; }
    /// <summary>The task (customer-service ticket) it belongs to.</summary>
    public long? TaskId { get; set; }
    /// <summary>A call: what it is for (a live, active call type).</summary>
    public long? CallTypeId { get; set; }
    /// <summary>A call: the day it is to be made; not completed by then, it is overdue (and so is the client's hasOverdueCall).</summary>
    public DateOnly? DueDate { get; set; }
    /// <summary>A call: when it was made; omit while it is still to be made.</summary>
    public DateTimeOffset? CompletedAt { get; set; }
    /// <summary>The user who makes the call or handles the message: an active user.</summary>
    public long? AssignedUserId { get; set; }

    /// <summary>
    /// Field errors for references to records that do not exist, are in the recycle bin or are retired; a reference the
    /// communication already holds stays acceptable.
    /// </summary>
    public async Task<List<(string Field, string Message)>> FindBrokenReferencesAsync(StudioDbContext db, ClaimsPrincipal user, long clientId, Communication? current,
        CancellationToken ct)
    {
        var errors = new List<(string, string)>();
        if (InvoiceId is { } invoiceId && invoiceId != current?.InvoiceId)
        {
            // An invoice the caller may not see (the kiosk's of other sessions, any for a photographer) is as good as none.
            var owner = await db.Invoices.Visible(db, user).Where(i => i.Id == invoiceId).Select(i => (long?)i.ClientId).SingleOrDefaultAsync(ct);
            if (owner is null)
                errors.Add(("invoiceId", $"There is no invoice {invoiceId}."));
            else if (owner != clientId)
                errors.Add(("invoiceId", $"Invoice {invoiceId} is not an invoice of client {clientId}."));
        }
        if (SessionId is { } sessionId && sessionId != current?.SessionId)
        {
            var owner = await db.Sessions.Where(s => s.Id == sessionId).Select(s => (long?)s.ClientId).SingleOrDefaultAsync(ct);
            if (owner is null)
                errors.Add(("sessionId", $"There is no session {sessionId}."));
            else if (owner != clientId)
                errors.Add(("sessionId", $"Session {sessionId} is not a session of client {clientId}."));
        }
        if (TaskId is { } taskId && taskId != current?.TaskId && !await db.Tasks.AnyAsync(t => t.Id == taskId, ct))
            errors.Add(("taskId", $"There is no task {taskId}."));
        if (CallTypeId is { } callTypeId && callTypeId != current?.CallTypeId)
        {
            var active = await db.CallTypes.Where(t => t.Id == callTypeId).Select(t => (bool?)t.IsActive).SingleOrDefaultAsync(ct);
            if (active is null)
                errors.Add(("callTypeId", $"There is no call type {callTypeId}."));
            else if (active == false)
                errors.Add(("callTypeId", $"Call type {callTypeId} is inactive; choose an active type."));
        }
        if (AssignedUserId is { } userId && userId != current?.AssignedUserId)
        {
            var active = await db.Users.Where(u => u.Id == userId).Select(u => (bool?)u.IsActive).SingleOrDefaultAsync(ct);
            if (active is null)
                errors.Add(("assignedUserId", $"There is no user {userId}."));
            else if (active == false)
                errors.Add(("assignedUserId", $"User {userId} is disabled; choose an active user."));
        }
        return errors;
    }
}

public sealed class CommunicationLinksValidator : AbstractValidator<CommunicationLinksInput>
{
    public CommunicationLinksValidator()
    {
        RuleFor(c => c.SessionId).GreaterThan(0);
        RuleFor(c => c.InvoiceId).GreaterThan(0);
        RuleFor(c => c.TaskId).GreaterThan(0);
        RuleFor(c => c.CallTypeId).GreaterThan(0);
        RuleFor(c => c.AssignedUserId).GreaterThan(0);
    }
}

using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Messaging.Communications;
using StudioApi.Features.Messaging.Merging;
using StudioApi.Features.Messaging.Templates;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Messaging.Batches;

/// <summary>The records a wizard send goes to, as sent.</summary>
public sealed class BatchFilterData
{
    /// <summary>client, session or invoice: what the send goes out per (a session template needs sessions, an invoice template invoices). Invoices are those with a balance due.</summary>
    public MergeRecordType? RecordType { get; set; }
    /// <summary>Clients: those at this client status.</summary>
    public long? ClientStatusId { get; set; }
    /// <summary>Clients: the organization's students; sessions: the organization's sessions (a picture day).</summary>
    public long? OrganizationId { get; set; }
    /// <summary>Sessions on or after this day (the studio's calendar).</summary>
    public DateOnly? SessionDateFrom { get; set; }
    /// <summary>Sessions on or before this day.</summary>
    public DateOnly? SessionDateTo { get; set; }
    public long? SessionTypeId { get; set; }
    /// <summary>Sessions at this session status.</summary>
    public long? SessionStatusId { get; set; }
    /// <summary>Invoices dated on or after this day.</summary>
    public DateOnly? InvoiceDateFrom { get; set; }
    /// <summary>Invoices dated on or before this day (e.g. a month ago, for a reminder of what is still owed).</summary>
    public DateOnly? InvoiceDateTo { get; set; }

    public BatchFilter ToFilter() => new()
    {
        RecordType = RecordType!.Value, ClientStatusId = ClientStatusId, OrganizationId = OrganizationId, SessionDateFrom = SessionDateFrom,
        SessionDateTo = SessionDateTo, SessionTypeId = SessionTypeId, SessionStatusId = SessionStatusId, InvoiceDateFrom = InvoiceDateFrom,
        InvoiceDateTo = InvoiceDateTo,
    };

    public static BatchFilterData From(BatchFilter f) => new()
    {
        RecordType = f.RecordType, ClientStatusId = f.ClientStatusId, OrganizationId = f.OrganizationId, SessionDateFrom = f.SessionDateFrom,
        SessionDateTo = f.SessionDateTo, SessionTypeId = f.SessionTypeId, SessionStatusId = f.SessionStatusId, InvoiceDateFrom = f.InvoiceDateFrom,
        InvoiceDateTo = f.InvoiceDateTo,
    };
}

/// <summary>A wizard send: a template, a channel and the records.</summary>
public abstract class BatchInput
{
    /// <summary>An active template; a session template needs recordType session; an HTML e-mail only by e-mail.</summary>
    public long TemplateId { get; set; }
    /// <summary>email, sms or letter.</summary>
    public CommunicationKind? Channel { get; set; }
    public BatchFilterData Filter { get; set; } = new();

    /// <summary>The template, or a field error.</summary>
    public async Task<(MessageTemplate? Template, List<(string Field, string Message)> Errors)> CheckAsync(StudioDbContext db, CancellationToken ct)
    {
        var errors = new List<(string, string)>();
        var template = await db.MessageTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Id == TemplateId, ct);
        if (template is null)
            errors.Add(("templateId", $"There is no template {TemplateId}."));
        else if (!template.IsActive)
            errors.Add(("templateId", $"Template {template.Name} is inactive."));
        else if (template.RecordType == MergeRecordType.Session && Filter.RecordType != MergeRecordType.Session)
            errors.Add(("filter.recordType", $"Template {template.Name} is written for a session: send it to sessions."));
        else if (template.RecordType == MergeRecordType.Invoice && Filter.RecordType != MergeRecordType.Invoice)
            errors.Add(("filter.recordType", $"Template {template.Name} is written for an invoice: send it to invoices."));
        else if (template.IsHtml && Channel != CommunicationKind.Email)
            errors.Add(("channel", $"Template {template.Name} is an HTML e-mail; it can only be e-mailed."));
        return (template, errors);
    }
}

public sealed class BatchInputValidator : AbstractValidator<BatchInput>
{
    public BatchInputValidator()
    {
        RuleFor(b => b.TemplateId).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Choose the template.").GreaterThan(0);
        RuleFor(b => b.Channel).Cascade(CascadeMode.Stop).NotNull().WithMessage("Choose the channel: email, sms or letter.").IsInEnum()
            .NotEqual(CommunicationKind.Call).WithMessage("A call is not sent; choose email, sms or letter.");
        RuleFor(b => b.Filter).NotNull().ChildRules(filter =>
        {
            filter.RuleFor(f => f.RecordType).Cascade(CascadeMode.Stop).NotNull().WithMessage("Choose client, session or invoice.").IsInEnum();
            filter.RuleFor(f => f.ClientStatusId).GreaterThan(0);
            filter.RuleFor(f => f.OrganizationId).GreaterThan(0);
            filter.RuleFor(f => f.SessionTypeId).GreaterThan(0);
            filter.RuleFor(f => f.SessionStatusId).GreaterThan(0);
            filter.RuleFor(f => f.ClientStatusId).Null().When(f => f.RecordType != MergeRecordType.Client).WithMessage("A client status filters clients.");
            filter.RuleFor(f => f.OrganizationId).Null().When(f => f.RecordType == MergeRecordType.Invoice).WithMessage("An organization filters clients and sessions.");
            filter.RuleFor(f => f.SessionTypeId).Null().When(f => f.RecordType != MergeRecordType.Session).WithMessage("A session type filters sessions.");
            filter.RuleFor(f => f.SessionStatusId).Null().When(f => f.RecordType != MergeRecordType.Session).WithMessage("A session status filters sessions.");
            filter.RuleFor(f => f.SessionDateFrom).Null().When(f => f.RecordType != MergeRecordType.Session).WithMessage("Session dates filter sessions.");
            filter.RuleFor(f => f.SessionDateTo).Null().When(f => f.RecordType != MergeRecordType.Session).WithMessage("Session dates filter sessions.");
            filter.RuleFor(f => f.InvoiceDateFrom).Null().When(f => f.RecordType != MergeRecordType.Invoice).WithMessage("Invoice dates filter invoices.");
            filter.RuleFor(f => f.InvoiceDateTo).Null().When(f => f.RecordType != MergeRecordType.Invoice).WithMessage("Invoice dates filter invoices.");
            filter.RuleFor(f => f.InvoiceDateTo).GreaterThanOrEqualTo(f => f.InvoiceDateFrom).When(f => f.InvoiceDateFrom is not null && f.InvoiceDateTo is not null)
                .WithMessage("The last day comes on or after the first.");
            filter.RuleFor(f => f.SessionDateTo).GreaterThanOrEqualTo(f => f.SessionDateFrom).When(f => f.SessionDateFrom is not null && f.SessionDateTo is not null)
                .WithMessage("The last day comes on or after the first.");
        });
    }
}

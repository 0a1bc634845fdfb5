using FastEndpoints;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Clients;
using StudioApi.Features.Messaging.Merging;
using StudioApi.Features.Messaging.Outbox;
using StudioApi.Features.Messaging.Templates;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Validation;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;
using StudioApi.Platform.Workflow;

namespace StudioApi.Features.Messaging.Communications.Create;

/// <summary>What becomes of a new e-mail, text message or letter.</summary>
public enum CommunicationMode
{
    /// <summary>Rendered and handed to the outbox now (the default).</summary>
    Queue,
    /// <summary>Kept to be edited and sent later (Communications_Send).</summary>
    Draft,
    /// <summary>Sent or received elsewhere: recorded as it was ("completed e-mail").</summary>
    Log,
}

public sealed class CreateCommunicationRequest : CommunicationLinksInput
{
    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }

    /// <summary>call, email, sms or letter.</summary>
    public CommunicationKind Kind { get; set; }
    /// <summary>outbound (the default) or inbound; only a call or a logged message can be inbound.</summary>
    public CommunicationDirection Direction { get; set; }
    /// <summary>The client it is with: a live client.</summary>
    public long ClientId { get; set; }
    /// <summary>A message: the template to render (for the session when it is a session template); or write the body.</summary>
    public long? TemplateId { get; set; }
    public string? Subject { get; set; }
    /// <summary>A message written rather than rendered from a template, or a call's notes.</summary>
    public string? Body { get; set; }
    /// <summary>text (the default) or html (e-mail only).</summary>
    public BodyFormat BodyFormat { get; set; }
    /// <summary>Where it goes instead of the client's primary e-mail, text phone or postal address; for a logged message, the other side's address.</summary>
    public string? Address { get; set; }
    /// <summary>A message: queue (the default), draft or log. Not for calls.</summary>
    public CommunicationMode? Mode { get; set; }
    /// <summary>A logged message: when it was sent or received (default now).</summary>
    public DateTimeOffset? SentAt { get; set; }
    /// <summary>An e-mail: what to attach, made now: the session's sessionConfirmation and contactSheet, the invoice's invoiceDocument (PDF).</summary>
    public List<AttachmentKind>? Attachments { get; set; }
}

public sealed class CreateCommunicationValidator : Validator<CreateCommunicationRequest>
{
    public CreateCommunicationValidator()
    {
        Include(new CommunicationLinksValidator());
        RuleFor(r => r.Kind).IsInEnum();
        RuleFor(r => r.Direction).IsInEnum();
        RuleFor(r => r.ClientId).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Choose the client.").GreaterThan(0);
        RuleFor(r => r.TemplateId).GreaterThan(0);
        RuleFor(r => r.Subject).MaximumLength(Communication.SubjectMaxLength);
        RuleFor(r => r.Body).MaximumLength(Communication.BodyMaxLength);
        RuleFor(r => r.BodyFormat).IsInEnum();
        RuleFor(r => r.Address).MaximumLength(Communication.AddressMaxLength);
        RuleFor(r => r.Mode).IsInEnum();

        When(r => r.Kind == CommunicationKind.Call, () =>
        {
            RuleFor(r => r.TemplateId).Null().WithMessage("A call is not rendered from a template.");
            RuleFor(r => r.Mode).Null().WithMessage("A call is not sent: leave mode out.");
            RuleFor(r => r.BodyFormat).Equal(BodyFormat.Text).WithMessage("A call's notes are text.");
        });
        When(r => r.Kind != CommunicationKind.Call, () =>
        {
            RuleFor(r => r.CallTypeId).Null().WithMessage("Only a call has a call type.");
            RuleFor(r => r.DueDate).Null().WithMessage("Only a call has a due date.");
            RuleFor(r => r.CompletedAt).Null().WithMessage("Only a call is completed.");
            RuleFor(r => r.BodyFormat).Equal(BodyFormat.Text).When(r => r.Kind != CommunicationKind.Email).WithMessage("Only an e-mail can be HTML.");
            RuleFor(r => r.Address).EmailAddress().When(r => r.Kind == CommunicationKind.Email && r.Mode != CommunicationMode.Log)
                .WithMessage("Give an e-mail address.");
            RuleFor(r => r.Address).Matches(@"^\+?[0-9 ().-]{7,20}$").When(r => r.Kind == CommunicationKind.Sms && r.Mode != CommunicationMode.Log)
                .WithMessage("Give a phone number.");
        });
        When(r => r.Kind != CommunicationKind.Call && r.Mode != CommunicationMode.Log, () =>
        {
            RuleFor(r => r.Direction).Equal(CommunicationDirection.Outbound).WithMessage("Only a logged message can be inbound.");
            RuleFor(r => r.Body).Null().When(r => r.TemplateId is not null).WithMessage("Give a template or a body, not both.");
            RuleFor(r => r.Body).NotEmpty().When(r => r.TemplateId is null).WithMessage("Give a template or a body.");
        });
        When(r => r.Mode == CommunicationMode.Log, () =>
        {
            RuleFor(r => r.TemplateId).Null().WithMessage("A logged message is recorded as it was: give its subject and body.");
            RuleFor(r => r.Body).NotEmpty().When(r => string.IsNullOrWhiteSpace(r.Subject)).WithMessage("Give the logged message's subject or body.");
        });
        RuleFor(r => r.SentAt).Null().When(r => r.Mode != CommunicationMode.Log).WithMessage("Only a logged message is given its time.");
        RuleFor(r => r.Attachments).MaxItems(3)
            .Must(a => a is null || a.Distinct().Count() == a.Count).WithMessage("Attach each file once.");
        RuleForEach(r => r.Attachments).IsInEnum();
        RuleFor(r => r.Attachments).Empty().When(r => r.Kind != CommunicationKind.Email || r.Mode == CommunicationMode.Log)
            .WithMessage("Only an e-mail the outbox sends carries attachments.");
        RuleFor(r => r.SessionId).NotNull().When(r => r.Attachments?.Any(a => a is AttachmentKind.SessionConfirmation or AttachmentKind.ContactSheet) == true)
            .WithMessage("The confirmation and contact sheet are the session's: choose the session.");
        RuleFor(r => r.InvoiceId).NotNull().When(r => r.Attachments?.Contains(AttachmentKind.InvoiceDocument) == true)
            .WithMessage("The invoice document is the invoice's: choose the invoice.");
    }
}

public sealed class CreateCommunicationEndpoint(StudioDbContext db, MessageComposer composer, AttachmentMaker attachments, StatusTransitions transitions,
    StudioCalendar calendar, OutboxWake outbox)
    : Endpoint<CreateCommunicationRequest, CommunicationResponse>
{
    public override void Configure()
    {
        Post("/communications");
        // Every staff member talks to clients: the front desk, a photographer after a session, sales at the kiosk.
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Communications", "Create", "Log a call or send, draft or log a message",
            "A call (to make: dueDate; made: completedAt) or an e-mail, text message or letter. A message from a template "
            + "is rendered now for its session (session templates) or client, and the text kept; it then goes to the "
            + "outbox (mode queue, the default), stays a draft, or is logged as sent or received elsewhere (mode log, "
            + "a \"completed e-mail\"). A message to a client who opted out, unsubscribed or has no address is kept as "
            + "skipped with its skipReason. An e-mail about a session can carry its confirmation and the first page of its contact "
            + "sheet, one about an invoice the invoice's document as a PDF (attachments, made now). The client must be live; "
            + "a session must be the client's, an invoice the client's and one the caller may see. An invoice template needs the invoice.").AcceptsIdempotencyKey());
    }

    public override async Task HandleAsync(CreateCommunicationRequest req, CancellationToken ct)
    {
        if (!await db.Clients.AnyAsync(c => c.Id == req.ClientId, ct))
            AddError(r => r.ClientId, $"There is no client {req.ClientId}.");
        foreach (var (field, error) in await req.FindBrokenReferencesAsync(db, User, req.ClientId, current: null, ct))
            AddError(new ValidationFailure(field, error));
        MessageTemplate? template = null;
        if (req.TemplateId is { } templateId)
        {
            template = await db.MessageTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Id == templateId, ct);
            if (template is null)
                AddError(r => r.TemplateId, $"There is no template {templateId}.");
            else if (!template.IsActive)
                AddError(r => r.TemplateId, $"Template {template.Name} is inactive.");
            else if (template.IsHtml && req.Kind != CommunicationKind.Email)
                AddError(r => r.TemplateId, $"Template {template.Name} is an HTML e-mail; it can only be e-mailed.");
            else if (template.RecordType == MergeRecordType.Session && req.SessionId is null)
                AddError(r => r.SessionId, $"Template {template.Name} is written for a session: choose the session.");
            else if (template.RecordType == MergeRecordType.Invoice && req.InvoiceId is null)
                AddError(r => r.InvoiceId, $"Template {template.Name} is written for an invoice: choose the invoice.");
        }
        ThrowIfAnyErrors();

        var message = new Communication
        {
            Kind = req.Kind,
            Direction = req.Direction,
            ClientId = req.ClientId,
            SessionId = req.SessionId,
            InvoiceId = req.InvoiceId,
            TaskId = req.TaskId,
            Subject = Clean(req.Subject),
            Body = req.Body,
            BodyFormat = req.BodyFormat,
            Address = Clean(req.Address),
            CallTypeId = req.CallTypeId,
            DueDate = req.DueDate,
            CompletedAt = req.CompletedAt?.UtcDateTime,
            AssignedUserId = req.AssignedUserId,
        };
        if (message.IsMessage)
        {
            if (template is not null)
                await composer.RenderAsync(message, template, ct);
            foreach (var kind in req.Attachments ?? [])
                message.Attachments.Add(await attachments.MakeAsync(kind, req.SessionId, req.InvoiceId, ct));
            switch (req.Mode ?? CommunicationMode.Queue)
            {
                case CommunicationMode.Draft:
                    message.State = DeliveryState.Draft;
                    break;
                case CommunicationMode.Log:
                    message.State = DeliveryState.Logged;
                    message.SentAt = req.SentAt?.UtcDateTime ?? db.UtcNow;
                    break;
                default:
                    await composer.QueueAsync(message, ct);
                    break;
            }
        }

        db.Communications.Add(message);
        await transitions.StartAsync(RecordKind.Communication, message, () => db.SaveChangesAsync(ct), ct);
        if (message.State == DeliveryState.Queued)
            outbox.Wake();
        await db.Entry(message).Reference(c => c.Status).LoadAsync(ct);

        HttpContext.WriteETag(message);
        await Send.CreatedAtAsync("Communications_Get", new { id = message.Id },
            CommunicationResponse.From(message, await calendar.TodayAsync(ct)), cancellation: ct);
    }

    static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

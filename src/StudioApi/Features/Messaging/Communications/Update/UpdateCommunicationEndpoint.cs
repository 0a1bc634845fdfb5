using FastEndpoints;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;

namespace StudioApi.Features.Messaging.Communications.Update;

public sealed class UpdateCommunicationRequest : CommunicationLinksInput
{
    [RouteParam]
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }

    public string? Subject { get; set; }
    /// <summary>A call's notes, or a draft's or logged message's text.</summary>
    public string? Body { get; set; }
    /// <summary>text (the default) or html (e-mail only).</summary>
    public BodyFormat BodyFormat { get; set; }
    public string? Address { get; set; }
    /// <summary>A logged message: when it was sent or received.</summary>
    public DateTimeOffset? SentAt { get; set; }
}

public sealed class UpdateCommunicationValidator : Validator<UpdateCommunicationRequest>
{
    public UpdateCommunicationValidator()
    {
        Include(new CommunicationLinksValidator());
        RuleFor(r => r.Subject).MaximumLength(Communication.SubjectMaxLength);
        RuleFor(r => r.Body).MaximumLength(Communication.BodyMaxLength);
        RuleFor(r => r.BodyFormat).IsInEnum();
        RuleFor(r => r.Address).MaximumLength(Communication.AddressMaxLength);
    }
}

public sealed class UpdateCommunicationEndpoint(StudioDbContext db, StudioCalendar calendar) : Endpoint<UpdateCommunicationRequest, CommunicationResponse>
{
    public override void Configure()
    {
        Put("/communications/{id}");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Communications", "Update", "Replace a communication's fields",
            "A call's fields and notes (completedAt marks it made), a draft's or logged message's text. A message queued, "
            + "being sent or sent keeps its text (409 on a change to it); its links and assignee can still change."));
    }

    public override async Task HandleAsync(UpdateCommunicationRequest req, CancellationToken ct)
    {
        var communication = await db.Communications.Include(c => c.Status).SingleOrDefaultAsync(c => c.Id == req.Id, ct)
                            ?? throw ApiProblem.NotFound("communication", req.Id);
        db.MatchVersion(communication, req.IfMatch);

        if (communication.IsMessage)
        {
            if (req.CallTypeId is not null)
                AddError(r => r.CallTypeId, "Only a call has a call type.");
            if (req.DueDate is not null)
                AddError(r => r.DueDate, "Only a call has a due date.");
            if (req.CompletedAt is not null)
                AddError(r => r.CompletedAt, "Only a call is completed.");
            if (req.BodyFormat == BodyFormat.Html && communication.Kind != CommunicationKind.Email)
                AddError(r => r.BodyFormat, "Only an e-mail can be HTML.");
        }
        else if (req.BodyFormat != BodyFormat.Text)
            AddError(r => r.BodyFormat, "A call's notes are text.");
        if (req.SentAt is not null && communication.State != DeliveryState.Logged)
            AddError(r => r.SentAt, "Only a logged message is given its time.");
        foreach (var (field, message) in await req.FindBrokenReferencesAsync(db, User, communication.ClientId, communication, ct))
            AddError(new ValidationFailure(field, message));
        ThrowIfAnyErrors();

        var subject = Clean(req.Subject);
        var address = Clean(req.Address);
        var editable = !communication.IsMessage || communication.State is DeliveryState.Draft or DeliveryState.Logged;
        if (!editable && (subject != communication.Subject || req.Body != communication.Body || address != communication.Address
                          || req.BodyFormat != communication.BodyFormat))
            throw ApiProblem.Conflict(
                $"This {communication.Kind.ToString().ToLowerInvariant()} is {communication.State.ToString()!.ToLowerInvariant()}: "
                + "what it says and where it goes can no longer change. Send a new message instead.");

        communication.SessionId = req.SessionId;
        communication.InvoiceId = req.InvoiceId;
        communication.TaskId = req.TaskId;
        communication.AssignedUserId = req.AssignedUserId;
        communication.CallTypeId = req.CallTypeId;
        communication.DueDate = req.DueDate;
        communication.CompletedAt = req.CompletedAt?.UtcDateTime;
        if (editable)
        {
            communication.Subject = subject;
            communication.Body = req.Body;
            communication.BodyFormat = req.BodyFormat;
            communication.Address = address;
            if (communication.State == DeliveryState.Logged)
                communication.SentAt = req.SentAt?.UtcDateTime ?? communication.SentAt;
        }
        await db.SaveChangesAsync(ct);

        HttpContext.WriteETag(communication);
        await Send.OkAsync(CommunicationResponse.From(communication, await calendar.TodayAsync(ct)), ct);
    }

    static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

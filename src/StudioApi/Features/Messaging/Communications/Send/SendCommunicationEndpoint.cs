using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Messaging.Outbox;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;

namespace StudioApi.Features.Messaging.Communications.Send;

public sealed class SendCommunicationRequest
{
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class SendCommunicationEndpoint(StudioDbContext db, MessageComposer composer, StudioCalendar calendar, OutboxWake outbox)
    : Endpoint<SendCommunicationRequest, CommunicationResponse>
{
    public override void Configure()
    {
        Post("/communications/{id}/send");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d
            .Answers(StatusCodes.Status409Conflict, "It is not a draft, nor a message that failed, was skipped or is uncertain.")
            .Operation("Communications", "Send", "Send a draft, or send a message again",
                "A draft goes to the outbox. A message that failed, was skipped or is uncertain (the server stopped while "
                + "handing it over) is queued again, with the same message id so a mail system can tell a repeat; "
                + "the client's opt-outs are checked again. With If-Match, refused if changed since read."));
    }

    public override async Task HandleAsync(SendCommunicationRequest req, CancellationToken ct)
    {
        var message = await db.Communications.Include(c => c.Status).SingleOrDefaultAsync(c => c.Id == req.Id, ct)
                      ?? throw ApiProblem.NotFound("communication", req.Id);
        if (req.IfMatch is not null)
            db.MatchVersion(message, req.IfMatch);
        if (message.State is not (DeliveryState.Draft or DeliveryState.Failed or DeliveryState.Skipped or DeliveryState.Uncertain))
            throw ApiProblem.Conflict(message.IsMessage
                ? $"This message is {message.State.ToString()!.ToLowerInvariant()}: only a draft, or a message that failed, was skipped or is uncertain, can be sent."
                : "A call is not sent.");
        if (string.IsNullOrWhiteSpace(message.Body) && string.IsNullOrWhiteSpace(message.Subject))
            throw ApiProblem.RuleBroken("The draft is empty: write its text first.");

        (message.State, message.SkipReason, message.Error, message.HandedOverAt, message.SentAt) = (null, null, null, null, null);
        message.Delivery = new Platform.Background.WorkLease();
        await composer.QueueAsync(message, ct);
        await db.SaveChangesAsync(ct);
        if (message.State == DeliveryState.Queued)
            outbox.Wake();

        HttpContext.WriteETag(message);
        await Send.OkAsync(CommunicationResponse.From(message, await calendar.TodayAsync(ct)), ct);
    }
}

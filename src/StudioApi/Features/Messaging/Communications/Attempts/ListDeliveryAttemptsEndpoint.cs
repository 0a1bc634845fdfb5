using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Messaging.Outbox;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Messaging.Communications.Attempts;

public sealed class ListDeliveryAttemptsRequest
{
    public long Id { get; set; }
}

public sealed class DeliveryAttemptResponse
{
    public required int Attempt { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required DateTimeOffset FinishedAt { get; init; }
    /// <summary>The server (background-work instance) that made the attempt.</summary>
    public required string Server { get; init; }
    /// <summary>sent, retrying, failed, skipped, uncertain or foundDelivered; delivered or bounced for a delivery report that came later (Twilio's status callback, a bounce e-mail).</summary>
    public required AttemptOutcome Outcome { get; init; }
    /// <summary>The server's answer, or the error.</summary>
    public string? Detail { get; init; }
}

public sealed class DeliveryAttemptListResponse
{
    [System.ComponentModel.DataAnnotations.MaxLength(1000)]
    public required IReadOnlyList<DeliveryAttemptResponse> Items { get; init; }
}

public sealed class ListDeliveryAttemptsEndpoint(StudioDbContext db) : Endpoint<ListDeliveryAttemptsRequest, DeliveryAttemptListResponse>
{
    public override void Configure()
    {
        Get("/communications/{id}/attempts");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Communications", "ListAttempts", "List a message's delivery attempts",
            "Every attempt of the outbox at the message, oldest first: when, by which server, and how it ended; then any delivery report that came later (delivered, bounced, with the reason)."));
    }

    public override async Task HandleAsync(ListDeliveryAttemptsRequest req, CancellationToken ct)
    {
        if (!await db.Communications.AnyAsync(c => c.Id == req.Id, ct))
            throw ApiProblem.NotFound("communication", req.Id);
        // A delivery report follows the attempt it reports on, even one that arrived before the outbox had recorded
        // that attempt's end (Twilio can call back before its answer to the send is committed here).
        var attempts = await db.DeliveryAttempts.AsNoTracking().Where(a => a.CommunicationId == req.Id)
            .OrderBy(a => a.Attempt)
            .ThenBy(a => a.Outcome == AttemptOutcome.Delivered || a.Outcome == AttemptOutcome.Bounced)
            .ThenBy(a => a.Id)
            .Take(1000).ToListAsync(ct);
        await Send.OkAsync(new DeliveryAttemptListResponse
        {
            Items = attempts.Select(a => new DeliveryAttemptResponse
            {
                Attempt = a.Attempt, StartedAt = a.StartedAt, FinishedAt = a.FinishedAt, Server = a.Server, Outcome = a.Outcome, Detail = a.Detail,
            }).ToList(),
        }, ct);
    }
}

using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Messaging.Outbox;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;
using StudioApi.Features.Clients;

namespace StudioApi.Features.Messaging.Communications.Restore;

public sealed class RestoreCommunicationRequest
{
    public long Id { get; set; }
}

public sealed class RestoreCommunicationEndpoint(StudioDbContext db, StudioCalendar calendar, OutboxWake outbox) : Endpoint<RestoreCommunicationRequest, CommunicationResponse>
{
    public override void Configure()
    {
        Post("/communications/{id}/restore");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("Communications", "Restore", "Bring a communication back from the recycle bin",
            "A queued message goes on to the outbox. Refused while its client is in the recycle bin, or its session "
            + "(a session's communications come back with the session)."));
    }

    public override async Task HandleAsync(RestoreCommunicationRequest req, CancellationToken ct)
    {
        var communication = await db.Communications.IgnoreQueryFilters().Include(c => c.Status)
                                .SingleOrDefaultAsync(c => c.Id == req.Id && c.DeletedAt != null, ct)
                            ?? throw ApiProblem.NotFound("deleted communication", req.Id);
        if (!await db.Clients.AnyAsync(c => c.Id == communication.ClientId, ct))
            throw ApiProblem.Conflict($"Its client {communication.ClientId} is in the recycle bin; restore the client first.",
                new Dictionary<string, object?> { ["clientId"] = communication.ClientId });
        if (communication.SessionId is { } sessionId && !await db.Set<Scheduling.Sessions.Session>().AnyAsync(s => s.Id == sessionId, ct))
            throw ApiProblem.Conflict($"Its session {sessionId} is in the recycle bin; restore the session, which brings it back.",
                new Dictionary<string, object?> { ["sessionId"] = sessionId });
        db.Restore(communication);
        await db.SaveChangesAsync(ct);
        if (communication.State == DeliveryState.Queued)
            outbox.Wake();

        HttpContext.WriteETag(communication);
        await Send.OkAsync(CommunicationResponse.From(communication, await calendar.TodayAsync(ct)), ct);
    }
}

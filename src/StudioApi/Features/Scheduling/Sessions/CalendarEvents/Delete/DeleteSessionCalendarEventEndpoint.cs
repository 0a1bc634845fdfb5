using FastEndpoints;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Scheduling.Sessions.CalendarEvents.Delete;

public sealed class DeleteSessionCalendarEventRequest
{
    public long Id { get; set; }

    public long EventId { get; set; }

    /// <summary>The line's version (its ETag).</summary>
    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class DeleteSessionCalendarEventEndpoint(StudioDbContext db) : Endpoint<DeleteSessionCalendarEventRequest>
{
    public override void Configure()
    {
        Delete("/sessions/{id}/calendar-events/{eventId}");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("Sessions", "DeleteCalendarEvent",
            "Remove a line from a session's calendar",
            "If-Match takes the line's version. The primary line (0) cannot be deleted."));
    }

    public override async Task HandleAsync(DeleteSessionCalendarEventRequest req, CancellationToken ct)
    {
        var (_, line) = await SessionCalendarEventEndpoints.LineAsync(db, req.Id, req.EventId, "deleted", ct);
        db.MatchVersion(line, req.IfMatch);
        db.SoftDelete(line);
        await db.SaveChangesAsync(ct);
        await Send.NoContentAsync(ct);
    }
}

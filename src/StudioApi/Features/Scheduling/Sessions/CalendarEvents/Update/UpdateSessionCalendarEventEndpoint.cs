using FastEndpoints;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Scheduling.Sessions.CalendarEvents.Update;

public sealed class UpdateSessionCalendarEventRequest : SessionCalendarEventInput
{
    [RouteParam]
    public long Id { get; set; }

    [RouteParam]
    public long EventId { get; set; }

    /// <summary>The line's version (its ETag).</summary>
    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class UpdateSessionCalendarEventValidator : Validator<UpdateSessionCalendarEventRequest>
{
    public UpdateSessionCalendarEventValidator() => Include(new SessionCalendarEventInputValidator());
}

public sealed class UpdateSessionCalendarEventEndpoint(StudioDbContext db) : Endpoint<UpdateSessionCalendarEventRequest, SessionCalendarEventResponse>
{
    public override void Configure()
    {
        Put("/sessions/{id}/calendar-events/{eventId}");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("Sessions", "UpdateCalendarEvent",
            "Replace a line of a session's calendar",
            "If-Match takes the line's version. The primary line (0) changes with the session."));
    }

    public override async Task HandleAsync(UpdateSessionCalendarEventRequest req, CancellationToken ct)
    {
        var (session, line) = await SessionCalendarEventEndpoints.LineAsync(db, req.Id, req.EventId, "changed here", ct);
        db.MatchVersion(line, req.IfMatch);
        var (time, errors) = await req.CheckAsync(db, line, ct);
        errors.ForEach(AddError);
        ThrowIfAnyErrors();

        var before = BookingOf(line);
        await SessionCalendarEventEndpoints.SaveAsync(db, session, req, () =>
        {
            req.ApplyTo(line, time!.Value);
            return line;
        }, () => !req.OverrideConflicts && BookingOf(line) != before, ct);

        HttpContext.WriteETag(line);
        await Send.OkAsync(SessionCalendarEventResponse.From(line), ct);
    }

    static (DateTime, DateTime, long?, long?, long?) BookingOf(SessionCalendarEvent e) =>
        (e.StartsAt, e.EndsAt, e.PhotographerId, e.AssistantId, e.ResourceId);
}

using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Scheduling.Sessions.CalendarEvents.List;

public sealed class ListSessionCalendarEventsRequest
{
    public long Id { get; set; }
}

public sealed class ListSessionCalendarEventsEndpoint(StudioDbContext db) : Endpoint<ListSessionCalendarEventsRequest, SessionCalendarEventList>
{
    public override void Configure()
    {
        Get("/sessions/{id}/calendar-events");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Sessions", "ListCalendarEvents",
            "List a session's calendar lines",
            "The session's advanced calendar: the primary line (id 0: the session's own time, staff and resource) "
            + "and its extra lines."));
    }

    public override async Task HandleAsync(ListSessionCalendarEventsRequest req, CancellationToken ct)
    {
        var session = await SessionCalendarEventEndpoints.SessionAsync(db, req.Id, ct);
        var lines = await db.SessionCalendarEvents.AsNoTracking().Where(e => e.SessionId == session.Id)
            .OrderBy(e => e.StartsAt).ThenBy(e => e.Id).ToListAsync(ct);
        await Send.OkAsync(new SessionCalendarEventList
        {
            Items = lines.Select(SessionCalendarEventResponse.From).Prepend(SessionCalendarEventResponse.PrimaryOf(session)).ToList(),
        }, ct);
    }
}

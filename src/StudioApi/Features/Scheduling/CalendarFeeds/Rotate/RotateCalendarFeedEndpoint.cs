using FastEndpoints;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Scheduling.CalendarFeeds.Rotate;

public sealed class RotateCalendarFeedRequest
{
    public long Id { get; set; }
}

public sealed class RotateCalendarFeedEndpoint(StudioDbContext db) : Endpoint<RotateCalendarFeedRequest, CalendarFeedResponse>
{
    public override void Configure()
    {
        Post("/calendar/feeds/{id}/rotate");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Calendar", "RotateFeed",
            "Give a calendar feed a new secret URL",
            "The old URL stops working at once: use it when a URL has leaked."));
    }

    public override async Task HandleAsync(RotateCalendarFeedRequest req, CancellationToken ct)
    {
        var feed = await CalendarFeedAccess.FindAsync(db, User, req.Id, ct);
        var token = CalendarFeedTokens.New();
        feed.TokenHash = CalendarFeedTokens.Hash(token);
        await db.SaveChangesAsync(ct);
        await Send.OkAsync(CalendarFeedResponse.From(feed, CalendarFeedTokens.Url(HttpContext.Request, token)), ct);
    }
}

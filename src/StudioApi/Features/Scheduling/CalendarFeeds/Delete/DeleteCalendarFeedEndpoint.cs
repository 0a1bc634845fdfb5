using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Scheduling.CalendarFeeds.Delete;

public sealed class DeleteCalendarFeedRequest
{
    public long Id { get; set; }
}

public sealed class DeleteCalendarFeedEndpoint(StudioDbContext db) : Endpoint<DeleteCalendarFeedRequest>
{
    public override void Configure()
    {
        Delete("/calendar/feeds/{id}");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Calendar", "DeleteFeed", "Stop a calendar feed",
            "Its URL stops working at once (there is no recycle bin for secrets)."));
    }

    public override async Task HandleAsync(DeleteCalendarFeedRequest req, CancellationToken ct)
    {
        var feed = await CalendarFeedAccess.FindAsync(db, User, req.Id, ct);
        // Revoking a secret is final; it does not go to the recycle bin. Of two revokes racing, one deletes it; the
        // other finds it gone, as it would a moment later.
        if (await db.CalendarFeeds.Where(f => f.Id == feed.Id).ExecuteDeleteAsync(ct) == 0)
            throw ApiProblem.NotFound("calendar feed", req.Id);
        await Send.NoContentAsync(ct);
    }
}

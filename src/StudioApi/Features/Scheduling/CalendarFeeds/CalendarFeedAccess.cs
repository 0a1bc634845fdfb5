using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Auth;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Scheduling.CalendarFeeds;

/// <summary>The front desk manages every feed; photographers and sales staff only the feeds of their own calendar.</summary>
public static class CalendarFeedAccess
{
    public static bool ManagesAll(ClaimsPrincipal user) => Roles.FrontDesk.Any(user.IsInRole);

    public static IQueryable<CalendarFeed> Visible(this IQueryable<CalendarFeed> feeds, ClaimsPrincipal user)
    {
        if (ManagesAll(user))
            return feeds;
        var me = user.UserId();
        return feeds.Where(f => f.UserId == me);
    }

    public static async Task<CalendarFeed> FindAsync(StudioDbContext db, ClaimsPrincipal user, long id, CancellationToken ct) =>
        await db.CalendarFeeds.Visible(user).SingleOrDefaultAsync(f => f.Id == id, ct)
        ?? throw ApiProblem.NotFound("calendar feed", id);
}

using System.ComponentModel.DataAnnotations;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Scheduling.CalendarFeeds.List;

public sealed class CalendarFeedList
{
    /// <summary>The feeds, oldest first (the URLs are not shown again).</summary>
    [MaxLength(10_000)]
    public required IReadOnlyList<CalendarFeedResponse> Items { get; init; }
}

public sealed class ListCalendarFeedsEndpoint(StudioDbContext db) : EndpointWithoutRequest<CalendarFeedList>
{
    public override void Configure()
    {
        Get("/calendar/feeds");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Calendar", "ListFeeds", "List calendar feeds",
            "The front desk sees every feed; others their own."));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var feeds = await db.CalendarFeeds.AsNoTracking().Visible(User).OrderBy(f => f.Id).ToListAsync(ct);
        await Send.OkAsync(new CalendarFeedList { Items = feeds.Select(f => CalendarFeedResponse.From(f)).ToList() }, ct);
    }
}

using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Scheduling.Calendar;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;
using StudioApi.Platform.Time;
using StudioApi.Features.Setup;

namespace StudioApi.Features.Scheduling.CalendarFeeds.Ics;

public sealed class GetCalendarFeedIcsRequest
{
    /// <summary>The secret token of the feed's URL.</summary>
    [RouteParam]
    public string Token { get; set; } = "";
}

public sealed class GetCalendarFeedIcsValidator : Validator<GetCalendarFeedIcsRequest>
{
    public GetCalendarFeedIcsValidator() =>
        RuleFor(r => r.Token).NotEmpty().MaximumLength(CalendarFeedTokens.Length).Matches("^[A-Za-z0-9_-]+$");
}

public sealed class GetCalendarFeedIcsEndpoint(StudioDbContext db, TimeProvider clock) : Endpoint<GetCalendarFeedIcsRequest>
{
    /// <summary>How far back and ahead a feed reaches.</summary>
    public const int PastDays = 30, FutureDays = 180;

    public override void Configure()
    {
        Get("/calendar/feeds/{token}.ics");
        // Calendar apps subscribe without signing in: the secret URL is the credential.
        AllowAnonymous();
        Description(d => d.Operation("Calendar", "GetFeedIcs",
                "Get a calendar feed as iCalendar",
                "A user's or resource's calendar as iCalendar (RFC 5545), 30 days back and 180 ahead, at its secret "
                + "URL; no sign-in.")
            .Produces<string>(StatusCodes.Status200OK, CalendarFeedWriter.ContentType));
    }

    public override async Task HandleAsync(GetCalendarFeedIcsRequest req, CancellationToken ct)
    {
        var hash = CalendarFeedTokens.Hash(req.Token);
        var feed = await db.CalendarFeeds.AsNoTracking().SingleOrDefaultAsync(f => f.TokenHash == hash, ct)
                   ?? throw new ApiProblem(StatusCodes.Status404NotFound, "Not found", "There is no calendar feed at this URL (it may have been rotated or deleted).");
        var settings = await db.GetStudioSettingsAsync(forUpdate: false, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, StudioClock.Zone(settings.TimeZone)));
        var items = await new CalendarQuery(db).ReadAsync(
            new CalendarRange(today.AddDays(-PastDays), today.AddDays(FutureDays), feed.UserId, feed.ResourceId, IncludeCancelled: true), ct);
        var name = feed.UserId is { } userId
            ? await db.Users.IgnoreQueryFilters().Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync(ct)
            : await db.Resources.IgnoreQueryFilters().Where(r => r.Id == feed.ResourceId).Select(r => r.Name).SingleAsync(ct);
        var text = CalendarFeedWriter.Write(items, settings.TimeZone, $"{settings.Name}: {name}", now);
        await Send.StringAsync(text, StatusCodes.Status200OK, $"{CalendarFeedWriter.ContentType}; charset=utf-8", ct);
    }
}

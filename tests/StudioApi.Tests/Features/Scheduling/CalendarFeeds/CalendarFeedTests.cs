using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using StudioApi.Platform.Auth;
using StudioApi.Tests.Features.Scheduling.Sessions;
using StudioApi.Tests.Infrastructure;
using StudioApi.Features.Scheduling;

namespace StudioApi.Tests.Features.Scheduling.CalendarFeeds;

public sealed record CalendarFeedBody(long Id, long? UserId, long? ResourceId, string? Url);

public sealed record CalendarFeedListBody(List<CalendarFeedBody> Items);

public sealed class CalendarFeedTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    /// <summary>The feed reads "now" for its window: fetch it from an app whose clock says 2027-02-01.</summary>
    sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    HttpClient FeedReader()
    {
        var factory = app.Variant("clock at 2027-02-01", b => b.ConfigureServices(s =>
            s.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(2027, 2, 1, 12, 0, 0, TimeSpan.Zero)))));
        return factory.CreateClient(new WebApplicationFactoryClientOptions());
    }

    static async Task<CalendarFeedBody> FeedAsync(HttpClient caller, object body) =>
        await (await caller.PostAsJsonAsync("/api/v1/calendar/feeds", body)).ShouldBeAsync<CalendarFeedBody>(HttpStatusCode.Created);

    [Fact]
    public async Task A_users_feed_parses_and_keeps_10_oclock_at_10_across_the_spring_daylight_saving_change()
    {
        var booking = await Booking.InChicagoAsync(app);
        var photographer = await booking.NewUserAsync();
        var before = await booking.CreateAsync(booking.Session("2027-03-13", "10:00", "11:00", photographer));
        var after = await booking.CreateAsync(booking.Session("2027-03-15", "10:00", "11:00", photographer));
        var cancelledBody = booking.Session("2027-03-16", "10:00", "11:00", photographer);
        cancelledBody["cancelled"] = true;
        var cancelled = await booking.CreateAsync(cancelledBody);
        await booking.CreateAsync(booking.Session("2027-03-15", "10:00", "11:00", await booking.NewUserAsync()));
        var feed = await FeedAsync(booking.Admin, new { userId = photographer });
        feed.Url!.ShouldStartWith("http://localhost/api/v1/calendar/feeds/");

        var response = await FeedReader().GetAsync(feed.Url);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        var calendar = Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync())!;
        calendar.TimeZones.Select(z => z.TzId).ShouldBe(["America/Chicago"]);
        var events = calendar.Events.OrderBy(e => e.DtStart!.AsUtc).ToList();
        events.Select(e => e.Uid).ShouldBe([$"session-{before.Id}@studioapi", $"session-{after.Id}@studioapi", $"session-{cancelled.Id}@studioapi"]);
        events.ShouldAllBe(e => e.DtStart!.TzId == "America/Chicago" && e.DtStart.Hour == 10);
        // 10:00 CST is 16:00 UTC; after the clocks go forward on 14 March, 10:00 CDT is 15:00 UTC.
        events[0].DtStart!.AsUtc.ShouldBe(new DateTime(2027, 3, 13, 16, 0, 0, DateTimeKind.Utc));
        events[1].DtStart!.AsUtc.ShouldBe(new DateTime(2027, 3, 15, 15, 0, 0, DateTimeKind.Utc));
        events[1].DtEnd!.AsUtc.ShouldBe(new DateTime(2027, 3, 15, 16, 0, 0, DateTimeKind.Utc));
        (events[0].Status, events[2].Status).ShouldBe(("CONFIRMED", "CANCELLED"));
        events[0].Sequence.ShouldBe(before.Version);
        events[0].Summary.ShouldNotBeNullOrWhiteSpace();
        events[0].DtStamp.ShouldNotBeNull();
        events[0].LastModified.ShouldNotBeNull();
    }

    [Fact]
    public async Task Rotating_a_feed_stops_its_old_url_and_the_new_one_works()
    {
        var booking = await Booking.InChicagoAsync(app);
        var feed = await FeedAsync(booking.Admin, new { resourceId = await booking.NewRoomAsync() });
        var reader = FeedReader();
        (await reader.GetAsync(feed.Url)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var rotated = await (await booking.Admin.PostAsync($"/api/v1/calendar/feeds/{feed.Id}/rotate", null)).ShouldBeAsync<CalendarFeedBody>(HttpStatusCode.OK);

        rotated.Url.ShouldNotBe(feed.Url);
        (await reader.GetAsync(feed.Url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await reader.GetAsync(rotated.Url)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await booking.Admin.DeleteAsync($"/api/v1/calendar/feeds/{feed.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await reader.GetAsync(rotated.Url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_database_keeps_only_a_hash_of_the_feed_token()
    {
        var booking = await Booking.InChicagoAsync(app);
        var feed = await FeedAsync(booking.Admin, new { userId = await booking.NewUserAsync() });
        var token = feed.Url!.Split('/').Last().Replace(".ics", "");

        var stored = await app.WithDbAsync(db => Task.FromResult(db.CalendarFeeds.Single(f => f.Id == feed.Id).TokenHash));

        token.Length.ShouldBe(43);
        stored.ShouldNotContain(token);
        stored.Length.ShouldBe(64);
    }

    [Fact]
    public async Task A_photographer_can_make_a_feed_of_their_own_calendar_only_and_sees_only_their_feeds()
    {
        var photographer = await app.CreateUserAsync($"ph-{Guid.NewGuid():N}"[..20], UserRole.Photographer);
        var caller = await app.SignedInAsync(photographer.Username, StudioApiFactory.UserPassword);
        var admin = await app.AdminAsync();
        await FeedAsync(admin, new { userId = (await app.CreateUserAsync($"o-{Guid.NewGuid():N}"[..20], UserRole.Staff)).Id });

        var own = await FeedAsync(caller, new { userId = photographer.Id });
        (await caller.PostAsJsonAsync("/api/v1/calendar/feeds", new { userId = 1 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var listed = await (await caller.GetAsync("/api/v1/calendar/feeds")).ShouldBeAsync<CalendarFeedListBody>(HttpStatusCode.OK);
        listed.Items.Select(f => f.Id).ShouldBe([own.Id]);
        listed.Items[0].Url.ShouldBeNull();
    }

    [Fact]
    public async Task An_unknown_feed_token_is_not_found()
    {
        var response = await app.CreateClient().GetAsync($"/api/v1/calendar/feeds/{new string('A', 43)}.ics");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

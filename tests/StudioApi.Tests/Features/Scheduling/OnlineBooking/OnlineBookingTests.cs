using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StudioApi.Platform.Studio;
using StudioApi.Tests.Features.Scheduling.Sessions;
using StudioApi.Tests.Infrastructure;
using StudioApi.Features.Scheduling;

namespace StudioApi.Tests.Features.Scheduling.OnlineBooking;

public sealed record SlotBody(DateOnly Date, string StartTime, string EndTime, DateTimeOffset StartsAt, DateTimeOffset EndsAt, long PhotographerId);

public sealed record AvailabilityBody(long SessionTypeId, string TimeZone, List<SlotBody> Slots);

public sealed record OnlineBookingBody(long SessionId, int SessionNumber, long ClientId, bool ExistingClient, DateOnly Date,
    string StartTime, string EndTime, DateTimeOffset StartsAt, DateTimeOffset EndsAt, long PhotographerId);

/// <summary>
/// The public online-booking calls against a studio on Chicago time, open Monday to Saturday 09:00–17:00, closed on
/// 2027-03-03, with the clock stopped at Monday 2027-03-01 09:00 CST (the staff arrange things with the real clock).
/// </summary>
public sealed class OnlineBookingTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>, IAsyncLifetime
{
    static readonly DateTimeOffset Now = new(2027, 3, 1, 15, 0, 0, TimeSpan.Zero);

    HttpClient admin = null!;
    WebApplicationFactory<Program> clocked = null!;
    HttpClient web = null!;
    string key = "";

    public async Task InitializeAsync()
    {
        await app.WithDbAsync(async db =>
        {
            var settings = await db.GetStudioSettingsAsync(forUpdate: true, CancellationToken.None);
            settings.TimeZone = "America/Chicago";
            settings.OpeningHours = Enum.GetValues<DayOfWeek>().Where(d => d != DayOfWeek.Sunday)
                .Select(d => new OpeningHours { Day = d, Opens = new TimeOnly(9, 0), Closes = new TimeOnly(17, 0) }).ToList();
            settings.ClosedDates = [new ClosedDate { Date = new DateOnly(2027, 3, 3), Description = "Holiday" }];
            await db.SaveChangesAsync();
            // Only this test's photographers take bookings.
            await db.Users.Where(u => u.Role == StudioApi.Platform.Auth.UserRole.Photographer)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false));
        });
        admin = await app.AdminAsync();
        key = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/settings")).GetProperty("onlineBookingKey").GetString()!;
        clocked = app.Variant("stopped at Now", b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(Now))));
        web = clocked.CreateClient();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    async Task<long> PhotographerAsync() =>
        (await app.CreateUserAsync($"p-{Guid.NewGuid():N}"[..20], StudioApi.Platform.Auth.UserRole.Photographer)).Id;

    async Task<long> TypeAsync(object rules, int length = 60)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/session-types", new
        {
            name = $"Online {Guid.NewGuid():N}"[..20], style = "portrait", defaultLengthMinutes = length, sortOrder = 1,
            onlineBookable = true, bookingRules = rules,
        });
        return (await response.ShouldBeAsync<IdBody>(HttpStatusCode.Created)).Id;
    }

    async Task<AvailabilityBody> AvailabilityAsync(long type, string from, string to) =>
        await (await web.GetAsync($"/api/v1/online-booking/availability?bookingKey={key}&sessionTypeId={type}&from={from}&to={to}"))
            .ShouldBeAsync<AvailabilityBody>(HttpStatusCode.OK);

    Task<HttpResponseMessage> BookAsync(long type, string date, string start, string email = "pat@example.com", string phone = "(217) 555-0100",
        HttpClient? through = null) =>
        (through ?? web).PostAsJsonAsync("/api/v1/online-booking/bookings", new
        {
            bookingKey = key, sessionTypeId = type, date, startTime = start,
            client = new { firstName = "Pat", lastName = "Online", email, phone },
        });

    [Fact]
    public async Task Availability_lies_within_opening_hours_after_the_notice_and_skips_closed_days()
    {
        var photographer = await PhotographerAsync();
        var type = await TypeAsync(new { minNoticeHours = 24, maxDaysAhead = 30, photographerIds = new[] { photographer } });

        var availability = await AvailabilityAsync(type, "2027-03-01", "2027-03-03");

        // Monday is within the 24 hours' notice, Tuesday is open all day, Wednesday is a closed date.
        availability.Slots.Select(s => (s.Date, s.StartTime)).ShouldBe(
            Enumerable.Range(9, 8).Select(h => (new DateOnly(2027, 3, 2), $"{h:D2}:00")));
        availability.Slots.ShouldAllBe(s => s.PhotographerId == photographer);
        availability.Slots[0].StartsAt.ShouldBe(new DateTimeOffset(2027, 3, 2, 15, 0, 0, TimeSpan.Zero));
        availability.TimeZone.ShouldBe("America/Chicago");
    }

    [Fact]
    public async Task Booked_sessions_and_buffers_take_their_time_out_of_availability()
    {
        var photographer = await PhotographerAsync();
        var type = await TypeAsync(new { minNoticeHours = 0, bufferBeforeMinutes = 30, bufferAfterMinutes = 30, photographerIds = new[] { photographer } });
        var client = await new Booking(app, admin).NewClientAsync();
        (await admin.PostAsJsonAsync("/api/v1/sessions", new { clientId = client, date = "2027-03-02", startTime = "11:00", endTime = "12:00", photographerId = photographer }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        var availability = await AvailabilityAsync(type, "2027-03-02", "2027-03-02");

        // 10:00 would end at 11:00 but needs half an hour after; 12:00 needs half an hour before.
        availability.Slots.Select(s => s.StartTime).ShouldBe(["09:00", "13:00", "14:00", "15:00", "16:00"]);
    }

    [Fact]
    public async Task An_appointment_of_the_photographer_takes_its_time_out_of_availability()
    {
        var photographer = await PhotographerAsync();
        var type = await TypeAsync(new { minNoticeHours = 0, photographerIds = new[] { photographer } });
        (await admin.PostAsJsonAsync("/api/v1/appointments", new
            { title = "Album consultation", date = "2027-03-02", startTime = "13:00", endTime = "14:30", userIds = new[] { photographer } }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        var availability = await AvailabilityAsync(type, "2027-03-02", "2027-03-02");

        availability.Slots.Select(s => s.StartTime).ShouldBe(["09:00", "10:00", "11:00", "12:00", "15:00", "16:00"]);
    }

    [Fact]
    public async Task A_session_in_the_types_camera_room_blocks_that_slot_whoever_photographs_it()
    {
        var booking = new Booking(app, admin);
        var room = await booking.NewRoomAsync();
        var type = await TypeAsync(new { minNoticeHours = 0, resourceId = room, photographerIds = new[] { await PhotographerAsync() } });
        var client = await booking.NewClientAsync();
        (await admin.PostAsJsonAsync("/api/v1/sessions", new { clientId = client, date = "2027-03-02", startTime = "14:00", endTime = "15:00", resourceId = room }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        var availability = await AvailabilityAsync(type, "2027-03-02", "2027-03-02");

        availability.Slots.Select(s => s.StartTime).ShouldBe(["09:00", "10:00", "11:00", "12:00", "13:00", "15:00", "16:00"]);
    }

    [Fact]
    public async Task Booking_rules_are_stored_and_returned_and_unknown_photographers_are_refused()
    {
        var photographer = await PhotographerAsync();
        var created = await (await admin.PostAsJsonAsync("/api/v1/session-types", new
        {
            name = $"Rules {Guid.NewGuid():N}"[..20], style = "portrait", defaultLengthMinutes = 45, sortOrder = 1, onlineBookable = true,
            bookingRules = new { slotMinutes = 30, bufferBeforeMinutes = 5, bufferAfterMinutes = 10, minNoticeHours = 48, maxDaysAhead = 60, photographerIds = new[] { photographer } },
        })).ShouldBeAsync<JsonElement>(HttpStatusCode.Created);

        created.GetProperty("onlineBookable").GetBoolean().ShouldBeTrue();
        var rules = created.GetProperty("bookingRules");
        (rules.GetProperty("slotMinutes").GetInt32(), rules.GetProperty("bufferBeforeMinutes").GetInt32(), rules.GetProperty("bufferAfterMinutes").GetInt32(),
            rules.GetProperty("minNoticeHours").GetInt32(), rules.GetProperty("maxDaysAhead").GetInt32()).ShouldBe((30, 5, 10, 48, 60));
        rules.GetProperty("photographerIds").EnumerateArray().Select(e => e.GetInt64()).ShouldBe([photographer]);

        var refused = await admin.PostAsJsonAsync("/api/v1/session-types", new
        {
            name = $"Rules {Guid.NewGuid():N}"[..20], style = "portrait", defaultLengthMinutes = 45, sortOrder = 1, onlineBookable = true,
            bookingRules = new { photographerIds = new[] { 99_999_999L }, bufferAfterMinutes = 500 },
        });
        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldErrors().ShouldContain("bookingRules.bufferAfterMinutes");
    }

    [Fact]
    public async Task A_booking_without_client_details_is_a_field_error_for_anyone_and_books_nothing()
    {
        var type = await TypeAsync(new { minNoticeHours = 0, photographerIds = new[] { await PhotographerAsync() } });

        var response = await web.PostAsJsonAsync("/api/v1/online-booking/bookings", new
        {
            bookingKey = key, sessionTypeId = type, date = "2027-03-02", startTime = "09:00", client = (object?)null,
        });

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors()
            .ShouldBe(["client.firstName", "client.lastName", "client.email", "client.phone"], ignoreOrder: true);
        (await AvailabilityAsync(type, "2027-03-02", "2027-03-02")).Slots.ShouldContain(s => s.StartTime == "09:00");
    }

    [Fact]
    public async Task Booking_with_a_photographer_who_does_not_take_the_type_is_a_400()
    {
        var type = await TypeAsync(new { minNoticeHours = 0, photographerIds = new[] { await PhotographerAsync() } });
        var other = await PhotographerAsync();

        var response = await web.PostAsJsonAsync("/api/v1/online-booking/bookings", new
        {
            bookingKey = key, sessionTypeId = type, date = "2027-03-02", startTime = "09:00", photographerId = other,
            client = new { firstName = "Pat", lastName = "Online", email = "pat@example.com", phone = "(217) 555-0100" },
        });

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["photographerId"]);
    }

    [Fact]
    public async Task An_unknown_photographer_in_the_booking_rules_is_named()
    {
        var refused = await admin.PostAsJsonAsync("/api/v1/session-types", new
        {
            name = $"Rules {Guid.NewGuid():N}"[..20], style = "portrait", defaultLengthMinutes = 45, sortOrder = 1, onlineBookable = true,
            bookingRules = new { photographerIds = new[] { 99_999_999L } },
        });

        (await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["bookingRules.photographerIds"]);
    }

    [Fact]
    public async Task Slots_beyond_the_days_ahead_are_not_offered()
    {
        var photographer = await PhotographerAsync();
        var type = await TypeAsync(new { minNoticeHours = 0, maxDaysAhead = 2, photographerIds = new[] { photographer } });

        var availability = await AvailabilityAsync(type, "2027-03-01", "2027-03-10");

        availability.Slots.Select(s => s.Date).Distinct().ShouldBe([new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 2)]);
        // Monday from 09:00 exactly: no notice needed.
        availability.Slots.First().StartTime.ShouldBe("09:00");
    }

    [Fact]
    public async Task Availability_skips_slots_in_the_spring_forward_gap_and_gives_the_right_instants()
    {
        await app.WithDbAsync(async db =>
        {
            var settings = await db.GetStudioSettingsAsync(forUpdate: true, CancellationToken.None);
            settings.OpeningHours.Add(new OpeningHours { Day = DayOfWeek.Sunday, Opens = new TimeOnly(0, 0), Closes = new TimeOnly(5, 0) });
            await db.SaveChangesAsync();
        });
        var photographer = await PhotographerAsync();
        var type = await TypeAsync(new { minNoticeHours = 0, photographerIds = new[] { photographer } });

        // 2027-03-14 in Chicago: 02:00 becomes 03:00.
        var availability = await AvailabilityAsync(type, "2027-03-14", "2027-03-14");

        availability.Slots.Select(s => s.StartTime).ShouldBe(["00:00", "03:00", "04:00"]);
        availability.Slots[0].StartsAt.ShouldBe(new DateTimeOffset(2027, 3, 14, 6, 0, 0, TimeSpan.Zero));
        availability.Slots[1].StartsAt.ShouldBe(new DateTimeOffset(2027, 3, 14, 8, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task A_wrong_booking_key_is_a_404_problem()
    {
        var type = await TypeAsync(new { photographerIds = new[] { await PhotographerAsync() } });

        await (await web.GetAsync($"/api/v1/online-booking/availability?bookingKey=wrong&sessionTypeId={type}&from=2027-03-02&to=2027-03-02"))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        key = "wrong";
        await (await BookAsync(type, "2027-03-02", "09:00")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Rotating_the_key_retires_the_old_one()
    {
        var type = await TypeAsync(new { photographerIds = new[] { await PhotographerAsync() } });
        var old = key;

        var rotated = await (await admin.PostAsync("/api/v1/settings/online-booking-key/rotate", null)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        key = rotated.GetProperty("onlineBookingKey").GetString()!;

        key.ShouldNotBe(old);
        (await web.GetAsync($"/api/v1/online-booking/availability?bookingKey={old}&sessionTypeId={type}&from=2027-03-02&to=2027-03-02"))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await AvailabilityAsync(type, "2027-03-02", "2027-03-02")).Slots.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task A_booking_creates_the_client_and_the_next_one_matches_by_email_or_phone()
    {
        var photographer = await PhotographerAsync();
        var type = await TypeAsync(new { minNoticeHours = 0, photographerIds = new[] { photographer } });
        var email = $"{Guid.NewGuid():N}@example.com";
        var phone = $"(555) {Random.Shared.Next(100, 999)}-{Random.Shared.Next(1000, 9999)}";

        var first = await (await BookAsync(type, "2027-03-02", "09:00", email, phone)).ShouldBeAsync<OnlineBookingBody>(HttpStatusCode.Created);
        var byEmail = await (await BookAsync(type, "2027-03-02", "10:00", email.ToUpperInvariant(), "000-000-0001")).ShouldBeAsync<OnlineBookingBody>(HttpStatusCode.Created);
        var byPhone = await (await BookAsync(type, "2027-03-02", "11:00", $"other-{email}", new string(phone.Where(char.IsAsciiDigit).ToArray())))
            .ShouldBeAsync<OnlineBookingBody>(HttpStatusCode.Created);

        first.ExistingClient.ShouldBeFalse();
        (byEmail.ExistingClient, byEmail.ClientId).ShouldBe((true, first.ClientId));
        (byPhone.ExistingClient, byPhone.ClientId).ShouldBe((true, first.ClientId));
        var session = await admin.GetFromJsonAsync<SessionBody>($"/api/v1/sessions/{first.SessionId}");
        (session!.ClientId, session.SessionTypeId, session.PhotographerId, session.StartTime, session.EndTime, session.BookedBy)
            .ShouldBe((first.ClientId, type, photographer, "09:00", "10:00", "online booking"));
        var client = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/clients/{first.ClientId}");
        client.GetProperty("lastName").GetString().ShouldBe("Online");
        (await AvailabilityAsync(type, "2027-03-02", "2027-03-02")).Slots.Select(s => s.StartTime).ShouldNotContain("09:00");
    }

    [Fact]
    public async Task A_retried_booking_with_the_same_idempotency_key_books_once()
    {
        var type = await TypeAsync(new { minNoticeHours = 0, photographerIds = new[] { await PhotographerAsync() } });
        var body = new
        {
            bookingKey = key, sessionTypeId = type, date = "2027-03-06", startTime = "09:00",
            client = new { firstName = "Pat", lastName = "Retry", email = $"{Guid.NewGuid():N}@example.com", phone = "444-444-4444" },
        };

        async Task<OnlineBookingBody> SendAsync()
        {
            var request = HttpAssertions.Json(HttpMethod.Post, "/api/v1/online-booking/bookings", body);
            request.Headers.Add("Idempotency-Key", $"retry-{type}");
            return await (await web.SendAsync(request)).ShouldBeAsync<OnlineBookingBody>(HttpStatusCode.Created);
        }

        var first = await SendAsync();
        var retried = await SendAsync();

        retried.SessionId.ShouldBe(first.SessionId);
        (await app.WithDbAsync(db => db.Sessions.CountAsync(s => s.SessionTypeId == type))).ShouldBe(1);
    }

    [Fact]
    public async Task A_slot_availability_would_not_offer_is_refused_with_the_free_slots()
    {
        var type = await TypeAsync(new { minNoticeHours = 0, photographerIds = new[] { await PhotographerAsync() } });

        var problem = await (await BookAsync(type, "2027-03-02", "18:00")).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        problem.GetProperty("availability").GetArrayLength().ShouldBe(8);
    }

    [Fact]
    public async Task Two_people_taking_the_same_slot_one_gets_it_and_the_other_a_409_with_fresh_availability()
    {
        var type = await TypeAsync(new { minNoticeHours = 0, photographerIds = new[] { await PhotographerAsync() } });
        var second = clocked.CreateClient();

        var answers = await Task.WhenAll(
            BookAsync(type, "2027-03-04", "10:00", $"{Guid.NewGuid():N}@example.com", "111-111-1111"),
            BookAsync(type, "2027-03-04", "10:00", $"{Guid.NewGuid():N}@example.com", "222-222-2222", second));

        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        var loser = answers.Single(a => a.StatusCode != HttpStatusCode.Created);
        var problem = await loser.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var offered = problem.GetProperty("availability").EnumerateArray().Select(s => s.GetProperty("startTime").GetString()).ToList();
        offered.ShouldBe(["09:00", "11:00", "12:00", "13:00", "14:00", "15:00", "16:00"]);
    }

    [Fact]
    public async Task Bookings_beyond_the_online_booking_budget_get_429()
    {
        var type = await TypeAsync(new { minNoticeHours = 0, photographerIds = new[] { await PhotographerAsync() } });
        using var limited = clocked.WithWebHostBuilder(b => b.UseSetting("RateLimits:OnlineBookingPerMinute", "2"));
        var http = limited.CreateClient();

        var statuses = new List<HttpStatusCode>();
        foreach (var start in new[] { "09:00", "10:00", "11:00" })
            statuses.Add((await BookAsync(type, "2027-03-05", start, $"{Guid.NewGuid():N}@example.com", "333-333-3333", http)).StatusCode);

        statuses.ShouldBe([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests]);
    }
}

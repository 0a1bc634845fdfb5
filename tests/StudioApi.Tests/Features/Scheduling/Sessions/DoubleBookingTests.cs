using System.Net;
using System.Text.Json;
using StudioApi.Platform.Auth;
using StudioApi.Tests.Infrastructure;
using StudioApi.Features.Scheduling;

namespace StudioApi.Tests.Features.Scheduling.Sessions;

public sealed class DoubleBookingTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    [Fact]
    public async Task Booking_a_busy_photographer_is_refused_with_the_conflicting_session()
    {
        var booking = await Booking.InChicagoAsync(app);
        var photographer = await booking.NewUserAsync();
        var first = await booking.CreateAsync(booking.Session("2026-09-01", "10:00", "11:00", photographer));

        var response = await booking.PostAsync(booking.Session("2026-09-01", "10:30", "11:30", photographer));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var conflict = problem.GetProperty("conflicts").EnumerateArray().Single();
        conflict.GetProperty("sessionId").GetInt64().ShouldBe(first.Id);
        conflict.GetProperty("number").GetInt32().ShouldBe(first.Number);
        conflict.GetProperty("date").GetString().ShouldBe("2026-09-01");
        (conflict.GetProperty("startTime").GetString(), conflict.GetProperty("endTime").GetString()).ShouldBe(("10:00", "11:00"));
        conflict.GetProperty("busyUserIds").EnumerateArray().Select(e => e.GetInt64()).ShouldBe([photographer]);
        (conflict.TryGetProperty("busyResourceId", out var resource) ? resource.ValueKind : JsonValueKind.Null).ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Overriding_books_the_busy_photographer_anyway()
    {
        var booking = await Booking.InChicagoAsync(app);
        var photographer = await booking.NewUserAsync();
        await booking.CreateAsync(booking.Session("2026-09-02", "10:00", "11:00", photographer));
        var body = booking.Session("2026-09-02", "10:00", "11:00", photographer);
        body["overrideConflicts"] = true;

        var overlapping = await booking.CreateAsync(body);

        overlapping.PhotographerId.ShouldBe(photographer);
    }

    [Fact]
    public async Task Back_to_back_sessions_do_not_conflict()
    {
        var booking = await Booking.InChicagoAsync(app);
        var photographer = await booking.NewUserAsync();
        await booking.CreateAsync(booking.Session("2026-09-03", "10:00", "11:00", photographer));

        (await booking.PostAsync(booking.Session("2026-09-03", "11:00", "12:00", photographer))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await booking.PostAsync(booking.Session("2026-09-03", "09:00", "10:00", photographer))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_person_is_busy_whatever_their_role_in_the_other_session()
    {
        var booking = await Booking.InChicagoAsync(app);
        var photographer = await booking.NewUserAsync();
        var assistant = await booking.NewUserAsync(UserRole.Staff);
        var first = booking.Session("2026-09-04", "10:00", "11:00", photographer);
        first["assistantId"] = assistant;
        await booking.CreateAsync(first);

        // The first session's assistant cannot photograph another session meanwhile.
        var response = await booking.PostAsync(booking.Session("2026-09-04", "10:15", "10:45", assistant));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("conflicts")[0].GetProperty("busyUserIds").EnumerateArray().Select(e => e.GetInt64()).ShouldBe([assistant]);
    }

    [Fact]
    public async Task A_camera_room_cannot_hold_two_sessions_at_once()
    {
        var booking = await Booking.InChicagoAsync(app);
        var room = await booking.NewRoomAsync();
        var first = booking.Session("2026-09-05", "10:00", "11:00", await booking.NewUserAsync());
        first["resourceId"] = room;
        await booking.CreateAsync(first);
        var second = booking.Session("2026-09-05", "09:30", "10:30", await booking.NewUserAsync());
        second["resourceId"] = room;

        var problem = await (await booking.PostAsync(second)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var conflict = problem.GetProperty("conflicts")[0];
        conflict.GetProperty("busyResourceId").GetInt64().ShouldBe(room);
        conflict.GetProperty("busyUserIds").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Cancelled_and_on_hold_sessions_free_their_time()
    {
        var booking = await Booking.InChicagoAsync(app);
        var photographer = await booking.NewUserAsync();
        var cancelled = booking.Session("2026-09-06", "10:00", "11:00", photographer);
        cancelled["cancelled"] = true;
        await booking.CreateAsync(cancelled);
        var onHold = booking.Session("2026-09-06", "10:00", "11:00", photographer);
        onHold["onHold"] = true;
        await booking.CreateAsync(onHold);

        (await booking.PostAsync(booking.Session("2026-09-06", "10:00", "11:00", photographer))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Cancelling_a_session_frees_its_slot_and_reactivating_it_checks_again()
    {
        var booking = await Booking.InChicagoAsync(app);
        var photographer = await booking.NewUserAsync();
        var original = await booking.CreateAsync(booking.Session("2026-09-07", "14:00", "15:00", photographer));
        var cancel = booking.Session("2026-09-07", "14:00", "15:00", photographer);
        cancel["cancelled"] = true;
        var cancelledOriginal = await (await booking.PutAsync(original, cancel)).ShouldBeAsync<SessionBody>(HttpStatusCode.OK);

        await booking.CreateAsync(booking.Session("2026-09-07", "14:00", "15:00", photographer));

        var reactivate = booking.Session("2026-09-07", "14:00", "15:00", photographer);
        var refused = await booking.PutAsync(cancelledOriginal, reactivate);
        (await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("conflicts").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Moving_a_session_onto_a_busy_slot_is_refused_but_editing_other_fields_of_an_overridden_booking_is_not()
    {
        var booking = await Booking.InChicagoAsync(app);
        var photographer = await booking.NewUserAsync();
        await booking.CreateAsync(booking.Session("2026-09-08", "09:00", "10:00", photographer));
        var later = await booking.CreateAsync(booking.Session("2026-09-08", "13:00", "14:00", photographer));

        var move = await booking.PutAsync(later, booking.Session("2026-09-08", "09:30", "10:30", photographer));
        await move.ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var overridden = booking.Session("2026-09-08", "09:30", "10:30", photographer);
        overridden["overrideConflicts"] = true;
        var moved = await (await booking.PutAsync(later, overridden)).ShouldBeAsync<SessionBody>(HttpStatusCode.OK);
        var edit = booking.Session("2026-09-08", "09:30", "10:30", photographer);
        edit["confirmed"] = true;
        (await booking.PutAsync(moved, edit)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Restoring_a_session_whose_slot_was_taken_meanwhile_is_a_conflict()
    {
        var booking = await Booking.InChicagoAsync(app);
        var photographer = await booking.NewUserAsync();
        var session = await booking.CreateAsync(booking.Session("2026-09-09", "10:00", "11:00", photographer));
        (await booking.Admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/sessions/{session.Id}")
            .WithIfMatch($"\"{session.Version}\""))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await booking.CreateAsync(booking.Session("2026-09-09", "10:00", "11:00", photographer));

        await (await booking.Admin.PostAsync($"/api/v1/sessions/{session.Id}/restore", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await booking.Admin.PostAsync($"/api/v1/sessions/{session.Id}/restore?overrideConflicts=true", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Eight_requests_racing_for_one_photographers_slot_end_in_exactly_one_booking()
    {
        var booking = await Booking.InChicagoAsync(app);
        var photographer = await booking.NewUserAsync();
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            booking.Admin.SendAsync(HttpAssertions.Json(HttpMethod.Post, "/api/v1/sessions", booking.Session("2026-09-10", "10:00", "11:00", photographer)))));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(7);
        var stored = await app.WithDbAsync(db => Task.FromResult(db.Sessions.Count(s => s.PhotographerId == photographer)));
        stored.ShouldBe(1);
    }

    [Fact]
    public async Task Two_sessions_moved_into_one_slot_at_the_same_time_end_with_one_moved_and_one_refused()
    {
        var booking = await Booking.InChicagoAsync(app);
        var photographer = await booking.NewUserAsync();
        var morning = await booking.CreateAsync(booking.Session("2026-09-11", "08:00", "09:00", photographer));
        var evening = await booking.CreateAsync(booking.Session("2026-09-11", "17:00", "18:00", photographer));

        var responses = await Task.WhenAll(
            booking.PutAsync(morning, booking.Session("2026-09-11", "12:00", "13:00", photographer)),
            booking.PutAsync(evening, booking.Session("2026-09-11", "12:30", "13:30", photographer)));

        responses.Select(r => r.StatusCode).ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict], ignoreOrder: true);
    }

    [Fact]
    public async Task Retrying_a_booking_with_its_idempotency_key_returns_the_same_session_instead_of_a_conflict()
    {
        var booking = await Booking.InChicagoAsync(app);
        var photographer = await booking.NewUserAsync();
        HttpRequestMessage Request()
        {
            var request = HttpAssertions.Json(HttpMethod.Post, "/api/v1/sessions", booking.Session("2026-09-12", "10:00", "11:00", photographer));
            request.Headers.Add("Idempotency-Key", $"book-{photographer}");
            return request;
        }

        var first = await (await booking.Admin.SendAsync(Request())).ShouldBeAsync<SessionBody>(HttpStatusCode.Created);
        var retry = await (await booking.Admin.SendAsync(Request())).ShouldBeAsync<SessionBody>(HttpStatusCode.Created);

        retry.Id.ShouldBe(first.Id);
        var stored = await app.WithDbAsync(db => Task.FromResult(db.Sessions.Count(s => s.PhotographerId == photographer)));
        stored.ShouldBe(1);
    }
}

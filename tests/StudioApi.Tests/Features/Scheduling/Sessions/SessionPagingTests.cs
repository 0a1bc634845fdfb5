using System.Net;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Scheduling.Sessions;

/// <summary>
/// Paging through the sessions hub in every order it offers, a few at a time, while sessions are booked at both ends
/// of the order and others deleted: every session that was there all along is listed exactly once, in the order one
/// big page lists them, and none twice. Sessions share their start times (the date order ties), and the "photographer
/// or assistant" filter, which merges two index ranges, is paged the same way.
/// </summary>
public sealed class SessionPagingTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    public static TheoryData<string, bool> Sorts()
    {
        var data = new TheoryData<string, bool>();
        foreach (var key in new[] { "date", "number", "createdAt" })
            foreach (var sort in new[] { key, "-" + key })
                foreach (var byStaff in new[] { false, true })
                    data.Add(sort, byStaff);
        return data;
    }

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task Paging_in_any_order_while_sessions_are_booked_and_deleted_neither_skips_nor_repeats_one(string sort, bool byStaff)
    {
        var booking = await Booking.InChicagoAsync(app);
        var person = await booking.NewUserAsync();
        var originals = new List<SessionBody>();
        for (var i = 0; i < 30; i++)
        {
            // Six days, five sessions at the same hour each: the person as photographer, as assistant, or not at all.
            var body = booking.Session($"2026-09-{10 + i % 6:00}", "10:00", "11:00", i % 3 == 0 ? person : null);
            if (i % 3 == 1)
                body["assistantId"] = person;
            body["overrideConflicts"] = true;
            originals.Add(await booking.CreateAsync(body));
        }
        var filter = byStaff ? $"staffUserId={person}" : $"clientId={booking.ClientId}";
        var listed = byStaff ? originals.Where((_, i) => i % 3 != 2).ToList() : originals;
        var expected = (await PageAsync(booking, $"{filter}&sort={sort}&limit=200")).Items.Select(s => s.Id).ToList();
        expected.ShouldBe(listed.Select(s => s.Id), ignoreOrder: true);

        var doomed = listed.Where((_, i) => i % 5 == 2).ToList();
        var pending = new Queue<SessionBody>(doomed);
        var seen = new List<long>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await PageAsync(booking, $"{filter}&sort={sort}&limit=4" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            page.Items.Count.ShouldBeLessThanOrEqualTo(4);
            seen.AddRange(page.Items.Select(s => s.Id));
            cursor = page.NextCursor;

            // Meanwhile: a session before and one after all the others, and one of the others deleted.
            foreach (var date in new[] { "2026-09-01", "2026-09-30" })
            {
                var body = booking.Session(date, "10:00", "11:00", person);
                body["overrideConflicts"] = true;
                await booking.CreateAsync(body);
            }
            if (pending.TryDequeue(out var gone))
                (await booking.Admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/sessions/{gone.Id}").WithIfMatch($"\"{gone.Version}\"")))
                    .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        } while (cursor is not null && ++pages < 100);

        cursor.ShouldBeNull();
        seen.ShouldBeUnique();
        var keptAllAlong = expected.Where(id => doomed.All(d => d.Id != id)).ToList();
        seen.Where(keptAllAlong.Contains).ToList().ShouldBe(keptAllAlong);
    }

    static async Task<SessionPage> PageAsync(Booking booking, string query) =>
        await (await booking.Admin.GetAsync($"/api/v1/sessions?{query}")).ShouldBeAsync<SessionPage>(HttpStatusCode.OK);
}

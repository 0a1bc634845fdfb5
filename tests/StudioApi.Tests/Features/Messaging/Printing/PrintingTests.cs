using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using StudioApi.Tests.Features.Messaging.Triggers;
using StudioApi.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace StudioApi.Tests.Features.Messaging.Printing;

public sealed class PrintingTests(MessagingApi api) : IClassFixture<MessagingApi>
{
    static async Task<(int Pages, string Text)> PdfAsync(HttpClient caller, JsonObject job)
    {
        var bytes = await (await caller.GetAsync(job["pdfUrl"]!.GetValue<string>())).Content.ReadAsByteArrayAsync();
        using var document = PdfDocument.Open(bytes);
        return (document.NumberOfPages, string.Join("\n", document.GetPages().Select(p => p.Text)));
    }

    [Fact]
    public async Task Mailing_labels_for_many_clients_fill_sheets_in_order_and_session_labels_name_the_session()
    {
        var admin = await api.AdminAsync();
        var clients = new List<long>();
        for (var i = 1; i <= 35; i++)
            clients.Add(await admin.NewClientAsync(new
            {
                firstName = $"Label{i:00}", lastName = "Family",
                addresses = new[] { new { isPrimary = true, address = new { line1 = $"{i} Elm Street", city = "Springfield", region = "IL", postalCode = "62701", country = "US" } } },
            }));

        var job = await (await admin.PostAsJsonAsync("/api/v1/labels", new { kind = "mailing", clientIds = clients })).ShouldBeAsync<JsonObject>(HttpStatusCode.Created);

        job["kind"]!.GetValue<string>().ShouldBe("labels");
        var (pages, text) = await PdfAsync(admin, job);
        pages.ShouldBe(2, "30 labels a sheet on Avery 5160");
        text.ShouldContain("Label01 Family");
        text.ShouldContain("35 Elm Street");
        text.IndexOf("Label01", StringComparison.Ordinal).ShouldBeLessThan(text.IndexOf("Label02", StringComparison.Ordinal));

        var session = await admin.NewSessionAsync(clients[0], "2026-08-20", "11:00", "12:00");
        var labels = await (await admin.PostAsJsonAsync("/api/v1/labels", new { kind = "session", stock = "avery5163", sessionIds = new[] { session }, startAt = 3 }))
            .ShouldBeAsync<JsonObject>(HttpStatusCode.Created);
        (await PdfAsync(admin, labels)).Text.ShouldContain("2026-08-20 11:00");

        var unknown = await admin.PostAsJsonAsync("/api/v1/labels", new { kind = "mailing", clientIds = new[] { clients[0], 987654321 } });
        (await unknown.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["clientIds[1]"]);
    }

    [Fact]
    public async Task The_job_sheet_lists_the_day_s_sessions_in_order_without_the_cancelled_ones()
    {
        var admin = await api.AdminAsync();
        var client = await admin.NewClientAsync("Jobby", MessagingKit.Unique("Sheet"), phone: "(217) 555-0190");
        await admin.NewSessionAsync(client, "2026-09-09", "15:00", "16:00", new { description = "Afternoon family" });
        await admin.NewSessionAsync(client, "2026-09-09", "09:00", "10:00", new { description = "Morning senior" });
        await admin.NewSessionAsync(client, "2026-09-09", "12:00", "13:00", new { description = "Cancelled lunch", cancelled = true });

        var job = await (await admin.PostAsJsonAsync("/api/v1/job-sheets", new { date = "2026-09-09" })).ShouldBeAsync<JsonObject>(HttpStatusCode.Created);

        job["kind"]!.GetValue<string>().ShouldBe("jobSheet");
        job["date"]!.GetValue<string>().ShouldBe("2026-09-09");
        var (_, text) = await PdfAsync(admin, job);
        text.ShouldContain("Wednesday, September 9, 2026");
        text.IndexOf("09:00", StringComparison.Ordinal).ShouldBeLessThan(text.IndexOf("15:00", StringComparison.Ordinal));
        text.ShouldContain("Morning senior");
        text.ShouldContain("(217) 555-0190");
        text.ShouldNotContain("Cancelled lunch");
    }

    [Fact]
    public async Task A_daily_trigger_prints_tomorrow_s_job_sheet_once_a_day_at_its_local_time()
    {
        await api.QuietAsync();
        await api.SetTimeZoneAsync("America/Chicago");
        api.At("2026-03-06T12:00:00Z");
        var admin = await api.AdminAsync();
        var trigger = (await admin.NewTriggerAsync(new
        {
            name = MessagingKit.Unique("Evening job sheet"), recordKind = "session", @event = "daily", offsetDays = 1, timeOfDay = "17:00",
            actions = new[] { new { kind = "jobSheet" } },
        }))["id"]!.GetValue<long>();

        // 17:00 in Chicago is 23:00 UTC before the spring-forward (2026-03-08) and 22:00 UTC after it.
        foreach (var at in new[] { "2026-03-06T22:59:00Z", "2026-03-06T23:00:00Z", "2026-03-06T23:30:00Z", "2026-03-08T21:59:00Z", "2026-03-08T22:00:00Z" })
        {
            api.At(at);
            await api.SweepAsync();
        }

        var history = await admin.HistoryAsync(trigger);
        history.Select(f => (f.Occurrence, f.DueAt)).Order().ShouldBe([
            ("day:2026-03-06", DateTimeOffset.Parse("2026-03-06T23:00:00Z")),
            ("day:2026-03-07", DateTimeOffset.Parse("2026-03-07T23:00:00Z")),
            ("day:2026-03-08", DateTimeOffset.Parse("2026-03-08T22:00:00Z")),
        ]);
        var queue = await (await admin.GetAsync("/api/v1/print-jobs?kind=jobSheet&printed=false&limit=200")).ShouldBeAsync<JsonObject>(HttpStatusCode.OK);
        queue["items"]!.AsArray().Select(j => j!["date"]!.GetValue<string>()).ShouldBe(["2026-03-07", "2026-03-08", "2026-03-09"], ignoreOrder: true);
        await api.QuietAsync();
    }
}

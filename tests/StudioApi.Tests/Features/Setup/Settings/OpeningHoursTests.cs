using System.Net;
using System.Text.Json;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Setup.Settings;

public sealed class OpeningHoursTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    const string Url = "/api/v1/settings";

    [Fact]
    public async Task Opening_hours_are_stored_per_weekday_and_read_back_monday_first()
    {
        var admin = await app.AdminAsync();
        var body = SettingsRequests.Lakeside();
        body["openingHours"] = new[]
        {
            new { day = "saturday", opens = "10:00", closes = "14:00" },
            new { day = "monday", opens = "09:00", closes = "17:30" },
        };

        var response = await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, Url, body).WithIfMatch(await CurrentETagAsync(admin)));

        var settings = await response.ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        settings.GetProperty("openingHours").GetRawText()
            .ShouldBe("""[{"day":"monday","opens":"09:00","closes":"17:30"},{"day":"saturday","opens":"10:00","closes":"14:00"}]""");
    }

    [Fact]
    public async Task A_day_that_closes_before_it_opens_or_appears_twice_is_refused()
    {
        var admin = await app.AdminAsync();
        var body = SettingsRequests.Lakeside();
        body["openingHours"] = new[]
        {
            new { day = "monday", opens = "17:00", closes = "09:00" },
            new { day = "monday", opens = "9am", closes = "12:00" },
        };

        var response = await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, Url, body).WithIfMatch(await CurrentETagAsync(admin)));

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors()
            .ShouldBe(["openingHours", "openingHours[0].closes", "openingHours[1].opens"], ignoreOrder: true);
    }

    static async Task<string> CurrentETagAsync(HttpClient admin) =>
        (await admin.GetAsync(Url)).Headers.ETag!.Tag;
}

using System.Net;
using StudioApi.Platform.Auth;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Setup.Settings;

public sealed class SettingsTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    const string Url = "/api/v1/settings";

    [Fact]
    public async Task An_administrator_replaces_the_settings_and_reads_them_back_in_week_and_date_order()
    {
        var admin = await app.AdminAsync();
        var current = await ReadAsync(admin);

        var response = await admin.SendAsync(Put(SettingsRequests.Lakeside(), current.Version));

        var updated = await response.ShouldBeAsync<SettingsBody>(HttpStatusCode.OK);
        updated.Version.ShouldBe(current.Version + 1);
        response.Headers.ETag!.Tag.ShouldBe($"\"{current.Version + 1}\"");
        var read = await ReadAsync(admin);
        read.Name.ShouldBe("Lakeside Portrait Studio");
        read.Address.City.ShouldBe("Lake Geneva");
        read.TimeZone.ShouldBe("America/Chicago");
        read.WorkingDays.ShouldBe(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]);
        read.ClosedDates.Select(c => c.Date).ShouldBe([new DateOnly(2026, 7, 4), new DateOnly(2026, 12, 25)]);
        read.ClosedDates[1].Description.ShouldBe("Christmas Day");
    }

    [Fact]
    public async Task Changing_only_the_closed_dates_is_a_new_version_too()
    {
        var admin = await app.AdminAsync();
        var current = await ReadAsync(admin);
        var body = SettingsRequests.Lakeside();
        (await admin.SendAsync(Put(body, current.Version))).EnsureSuccessStatusCode();

        body["closedDates"] = new[] { new { date = "2027-01-01", description = "New Year's Day" } };
        var updated = await (await admin.SendAsync(Put(body, current.Version + 1))).ShouldBeAsync<SettingsBody>(HttpStatusCode.OK);

        updated.Version.ShouldBe(current.Version + 2);
        (await ReadAsync(admin)).ClosedDates.ShouldBe([new ClosedDateBody(new DateOnly(2027, 1, 1), "New Year's Day")]);
    }

    [Theory]
    [InlineData("timeZone", "Mars/Olympus_Mons")]
    [InlineData("timeZone", "Central Standard Time")]
    [InlineData("timeZone", "america/chicago")]
    [InlineData("currency", "usd")]
    [InlineData("currency", "XYZ")]
    [InlineData("currency", "DOLLARS")]
    [InlineData("workingDays", new string[0])]
    [InlineData("workingDays", new[] { "monday", "monday" })]
    [InlineData("name", "")]
    [InlineData("timeZone", null)]
    [InlineData("currency", null)]
    public async Task An_invalid_value_is_a_field_error_and_changes_nothing(string field, object? value)
    {
        var admin = await app.AdminAsync();
        var before = await ReadAsync(admin);
        var body = SettingsRequests.Lakeside();
        body[field] = value is double d ? (decimal)d : value is int i ? (decimal)i : value;

        var response = await admin.SendAsync(Put(body, before.Version));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldErrors().Distinct().ShouldBe([field]);
        var after = await ReadAsync(admin);
        after.Version.ShouldBe(before.Version);
        after.Name.ShouldBe(before.Name);
    }

    [Fact]
    public async Task The_same_closed_date_twice_is_a_field_error()
    {
        var admin = await app.AdminAsync();
        var body = SettingsRequests.Lakeside();
        body["closedDates"] = new[] { new { date = "2026-12-25", description = "Christmas" }, new { date = "2026-12-25", description = "Again" } };

        var response = await admin.SendAsync(Put(body, (await ReadAsync(admin)).Version));

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["closedDates"]);
    }

    [Fact]
    public async Task An_update_needs_the_current_version_and_a_stale_one_overwrites_nothing()
    {
        var admin = await app.AdminAsync();
        var current = await ReadAsync(admin);
        var body = SettingsRequests.Lakeside();
        body["name"] = "Read by two admins";
        (await admin.SendAsync(Put(body, current.Version))).EnsureSuccessStatusCode();

        body["name"] = "Second editor";
        var stale = await admin.SendAsync(Put(body, current.Version));
        var problem = await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        problem.GetProperty("currentVersion").GetInt32().ShouldBe(current.Version + 1);
        var withoutIfMatch = await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, Url, body));
        await withoutIfMatch.ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);

        (await ReadAsync(admin)).Name.ShouldBe("Read by two admins");
    }

    [Theory]
    [InlineData(UserRole.Staff)]
    [InlineData(UserRole.Photographer)]
    [InlineData(UserRole.Sales)]
    public async Task Only_administrators_may_change_the_settings(UserRole role)
    {
        var caller = await app.AsRoleAsync(role);
        var current = await ReadAsync(caller);

        var response = await caller.SendAsync(Put(SettingsRequests.Lakeside(), current.Version));

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await ReadAsync(caller)).Version.ShouldBe(current.Version);
    }

    [Fact]
    public async Task Settings_are_not_for_anonymous_callers()
    {
        await (await app.CreateClient().GetAsync(Url)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    static async Task<SettingsBody> ReadAsync(HttpClient client) =>
        await (await client.GetAsync(Url)).ShouldBeAsync<SettingsBody>(HttpStatusCode.OK);

    static HttpRequestMessage Put(object body, int version) =>
        HttpAssertions.Json(HttpMethod.Put, Url, body).WithIfMatch($"\"{version}\"");
}

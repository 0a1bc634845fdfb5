using System.Net;
using StudioApi.Platform.Auth;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Setup.Settings;

/// <summary>On an app of its own: the other settings tests change the settings.</summary>
public sealed class DefaultSettingsTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    const string Url = "/api/v1/settings";

    [Fact]
    public async Task A_new_studio_without_demo_data_starts_with_default_settings_every_staff_role_can_read()
    {
        var sales = await app.AsRoleAsync(UserRole.Sales);

        var response = await sales.GetAsync(Url);

        var settings = await response.ShouldBeAsync<SettingsBody>(HttpStatusCode.OK);
        settings.Name.ShouldBe("My Photography Studio");
        settings.Currency.ShouldBe("USD");
        settings.WorkingDays.ShouldBe(["monday", "tuesday", "wednesday", "thursday", "friday"]);
        TimeZoneInfo.TryFindSystemTimeZoneById(settings.TimeZone, out _).ShouldBeTrue();
        response.Headers.ETag!.Tag.ShouldBe($"\"{settings.Version}\"");
    }
}

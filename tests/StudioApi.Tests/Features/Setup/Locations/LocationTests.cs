using System.Net;
using System.Net.Http.Json;
using StudioApi.Tests.Features.Scheduling.Sessions;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Setup.Locations;

public sealed record LocationAddressBody(string? Line1, string? Line2, string? City, string? Region, string? PostalCode, string? Country);

public sealed record LocationBody(long Id, int Version, string Name, LocationAddressBody Address, string? Notes, bool IsActive);

public sealed record LocationPage(List<LocationBody> Items, string? NextCursor);

public sealed class LocationTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    [Fact]
    public async Task An_outside_location_keeps_its_address_and_notes_and_a_session_can_be_booked_there()
    {
        var booking = await Booking.InChicagoAsync(app);
        var created = await booking.Admin.PostAsJsonAsync("/api/v1/locations", new
        {
            name = "Lakefront Park",
            address = new { line1 = "1600 Lake Shore Dr", city = "Chicago", region = "IL", postalCode = "60605", country = "US" },
            notes = "Meet at the north pavilion",
        });
        var park = await created.ShouldBeAsync<LocationBody>(HttpStatusCode.Created);
        (park.Address.City, park.Notes, park.IsActive).ShouldBe(("Chicago", "Meet at the north pavilion", true));

        var body = booking.Session("2026-10-03", "16:00", "17:00");
        body["locationId"] = park.Id;
        (await booking.CreateAsync(body)).LocationId.ShouldBe(park.Id);

        var list = await (await booking.Admin.GetAsync("/api/v1/locations?q=lakefront")).ShouldBeAsync<LocationPage>(HttpStatusCode.OK);
        list.Items.ShouldHaveSingleItem().Id.ShouldBe(park.Id);
        var refused = await booking.Admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/locations/{park.Id}").WithIfMatch("\"1\""));
        await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_location_with_a_bad_country_code_is_refused()
    {
        var admin = await app.AdminAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/locations", new { name = "Somewhere", address = new { country = "usa" } });

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["address.country"]);
    }
}

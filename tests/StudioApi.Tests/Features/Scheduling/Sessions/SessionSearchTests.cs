using System.Net;
using System.Net.Http.Json;
using StudioApi.Tests.Features.Clients.Clients;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Scheduling.Sessions;

/// <summary>The sessions hub is searched by session number, by anything its client is found by, and by its description and file number.</summary>
public sealed class SessionSearchTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    [Fact]
    public async Task Sessions_are_found_by_their_clients_name_phone_or_email_by_number_and_by_description()
    {
        var booking = await Booking.InChicagoAsync(app);
        var client = await booking.Admin.CreateAsync(ClientRequests.Consumer("Zoë", "Szymańska", phone: "630-555-8642", email: "zoe.s@studio.example"));
        var body = booking.Session("2026-10-05", "09:00", "10:00");
        body["clientId"] = client.Id;
        body["description"] = "Maternity portraits at the lake";
        body["fileNumber"] = "LK-2210";
        var session = await booking.CreateAsync(body);
        var other = await booking.CreateAsync(booking.Session("2026-10-05", "11:00", "12:00"));

        foreach (var query in new[] { "szymanska", "zoe%20szym", "5558642", "zoe.s@", "matern", "lk-2210", $"{session.Number}" })
        {
            var ids = (await (await booking.Admin.GetAsync($"/api/v1/sessions?q={query}")).ShouldBeAsync<SessionPage>(HttpStatusCode.OK)).Items.Select(s => s.Id).ToList();
            ids.ShouldContain(session.Id, query);
            ids.ShouldNotContain(other.Id, query);
        }
    }
}

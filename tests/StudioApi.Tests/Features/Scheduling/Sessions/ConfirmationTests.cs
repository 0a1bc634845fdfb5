using System.Net;
using System.Net.Http.Json;
using StudioApi.Platform.Addresses;
using StudioApi.Platform.Auth;
using StudioApi.Platform.Studio;
using StudioApi.Tests.Features.Clients.Clients;
using StudioApi.Tests.Infrastructure;
using StudioApi.Features.Setup;

namespace StudioApi.Tests.Features.Scheduling.Sessions;

/// <summary>The session and photographer confirmations: printable HTML pages on the studio's letterhead.</summary>
public sealed class ConfirmationTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    [Fact]
    public async Task The_session_confirmation_is_an_html_page_with_the_studio_s_details_and_the_session_s_facts()
    {
        var booking = await StudioInChicagoAsync();
        var photographer = await PersonAsync("Sam Lens");
        var room = await booking.NewRoomAsync();
        var family = await app.WithDbAsync(db => Task.FromResult(db.SessionTypes.Single(t => t.Name == "Family")));
        var clientId = await NewClientAsync(booking.Admin, new
        {
            firstName = "Jordan",
            lastName = "Reyes",
            addresses = new[] { new { label = "home", isPrimary = true, address = new { line1 = "12 Elm Street", city = "Springfield", region = "IL", postalCode = "62704", country = "US" } } },
        });
        var daughter = await (await booking.Admin.PostAsJsonAsync("/api/v1/relationships", new { name = "Daughter" })).ShouldBeAsync<IdBody>(HttpStatusCode.Created);
        var body = booking.Session("2026-03-14", "10:00", "11:00", photographer.Id);
        (body["clientId"], body["sessionTypeId"], body["resourceId"], body["description"]) = (clientId, family.Id, room, "Family portraits by the window");
        body["participants"] = new[] { new { firstName = "Mia", lastName = "Reyes", relationshipId = daughter.Id } };
        var session = await booking.CreateAsync(body);

        var response = await booking.Admin.GetAsync($"/api/v1/sessions/{session.Id}/confirmation");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        response.Content.Headers.ContentType.CharSet.ShouldBe("utf-8");
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldStartWith("<!DOCTYPE html>");
        html.ShouldContain("<html lang=\"en\">");
        html.ShouldContain("<meta charset=\"utf-8\">");
        html.ShouldContain("@media print");
        html.ShouldContain("<h1>Session confirmation</h1>");
        // The letterhead.
        html.ShouldContain("Lakeside Portraits");
        html.ShouldContain("400 Lake Shore Drive");
        html.ShouldContain("Chicago, IL 60611");
        html.ShouldContain("(312) 555-0199");
        html.ShouldContain("hello@lakeside.example");
        // The client and the session.
        html.ShouldContain("Jordan Reyes");
        html.ShouldContain("12 Elm Street");
        html.ShouldContain($"<dt>Session number</dt><dd>{session.Number}</dd>");
        html.ShouldContain("<dt>Session type</dt><dd>Family</dd>");
        html.ShouldContain("Saturday, 14 March 2026, 10:00–11:00");
        html.ShouldContain("Times are local time in America/Chicago.");
        html.ShouldContain($"<dt>Photographer</dt><dd>{photographer.Name}</dd>");
        html.ShouldContain("Family portraits by the window");
        html.ShouldContain("<dt>Taking part</dt><dd>Mia Reyes (daughter)</dd>");
    }

    [Fact]
    public async Task Sessions_on_daylight_saving_change_days_show_the_wall_clock_times_that_were_booked()
    {
        var booking = await StudioInChicagoAsync();
        // Across the spring-forward gap (one real hour) and in the hour repeated by the fall-back change.
        var spring = await booking.CreateAsync(booking.Session("2026-03-08", "01:30", "03:30"));
        var autumn = await booking.CreateAsync(booking.Session("2026-11-01", "01:30", "02:30"));

        var springPage = await HtmlAsync(booking.Admin, $"/api/v1/sessions/{spring.Id}/confirmation");
        var autumnPage = await HtmlAsync(booking.Admin, $"/api/v1/sessions/{autumn.Id}/photographer-confirmation");

        springPage.ShouldContain("Sunday, 8 March 2026, 01:30–03:30");
        autumnPage.ShouldContain("Sunday, 1 November 2026, 01:30–02:30");
        // Not the UTC instants (07:30 and 06:30 UTC).
        springPage.ShouldNotContain("07:30");
        autumnPage.ShouldNotContain("06:30");
    }

    [Fact]
    public async Task Markup_in_a_client_s_name_or_the_session_s_fields_is_printed_as_text_not_run()
    {
        var booking = await StudioInChicagoAsync();
        var clientId = await NewClientAsync(booking.Admin, new { firstName = "<script>alert('x')</script>", lastName = "O'Hara & Sons" });
        var body = booking.Session("2026-06-20", "09:00", "10:00");
        (body["clientId"], body["description"]) = (clientId, "<img src=x onerror=alert(1)>");
        body["customFields"] = new[] { new { label = "<b>Pose</b>", value = "\"quoted\"" } };
        var session = await booking.CreateAsync(body);

        foreach (var page in new[] { "confirmation", "photographer-confirmation" })
        {
            var html = await HtmlAsync(booking.Admin, $"/api/v1/sessions/{session.Id}/{page}");

            html.ShouldNotContain("<script");
            html.ShouldNotContain("<img");
            html.ShouldNotContain("<b>");
            html.ShouldContain("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; O&#x27;Hara &amp; Sons");
            html.ShouldContain("&lt;img src=x onerror=alert(1)&gt;");
        }
    }

    [Fact]
    public async Task The_photographer_confirmation_has_the_client_s_contact_details_and_internal_fields_that_the_client_s_does_not()
    {
        var booking = await StudioInChicagoAsync();
        var photographer = await PersonAsync("Sam Lens");
        var assistant = await PersonAsync("Alex Assist");
        var room = await booking.NewRoomAsync();
        var clientId = await NewClientAsync(booking.Admin, new
        {
            firstName = "Priya",
            lastName = "Shah",
            phones = new[] { new { label = "mobile", number = "(217) 555-0142", isPrimary = true } },
            emails = new[] { new { label = "home", address = "priya@example.com", isPrimary = true } },
        });
        var body = booking.Session("2026-06-20", "14:00", "15:30", photographer.Id);
        (body["clientId"], body["assistantId"], body["resourceId"], body["fileNumber"]) = (clientId, assistant.Id, room, "FILE-7731");
        body["customFields"] = new[] { new { label = "Outfits", value = "Navy and cream" } };
        var session = await booking.CreateAsync(body);
        (await booking.Admin.PostAsJsonAsync($"/api/v1/sessions/{session.Id}/notes", new { text = "Bring the step ladder." })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await booking.Admin.PostAsJsonAsync($"/api/v1/sessions/{session.Id}/calendar-events",
            new { date = "2026-06-19", startTime = "16:00", endTime = "17:00", assistantId = assistant.Id, description = "Set up the backdrop" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var forPhotographer = await HtmlAsync(booking.Admin, $"/api/v1/sessions/{session.Id}/photographer-confirmation");
        var forClient = await HtmlAsync(booking.Admin, $"/api/v1/sessions/{session.Id}/confirmation");

        forPhotographer.ShouldContain("<h1>Photographer confirmation</h1>");
        forPhotographer.ShouldContain("mobile: (217) 555-0142");
        forPhotographer.ShouldContain("home: priya@example.com");
        forPhotographer.ShouldContain("FILE-7731");
        forPhotographer.ShouldContain($"<dt>Assistant</dt><dd>{assistant.Name}</dd>");
        forPhotographer.ShouldContain("<dt>Outfits</dt><dd>Navy and cream</dd>");
        forPhotographer.ShouldContain("Bring the step ladder.");
        forPhotographer.ShouldContain("<td>Friday, 19 June 2026, 16:00–17:00</td><td></td>");
        forPhotographer.ShouldContain("Set up the backdrop");
        forClient.ShouldContain("Priya Shah");
        forClient.ShouldContain("Saturday, 20 June 2026, 14:00–15:30");
        foreach (var internalDetail in new[] { "555-0142", "priya@example.com", "FILE-7731", assistant.Name, "Navy and cream", "step ladder", "Set up the backdrop" })
            forClient.ShouldNotContain(internalDetail);
    }

    [Fact]
    public async Task An_outside_location_is_printed_with_its_address_and_directions()
    {
        var booking = await StudioInChicagoAsync();
        var location = await (await booking.Admin.PostAsJsonAsync("/api/v1/locations", new
        {
            name = "Lincoln Park Conservatory",
            address = new { line1 = "2391 N Stockton Dr", city = "Chicago", region = "IL", postalCode = "60614", country = "US" },
            notes = "Meet at the fern room entrance.",
        })).ShouldBeAsync<IdBody>(HttpStatusCode.Created);
        var body = booking.Session("2026-05-02", "16:00", "17:00");
        body["locationId"] = location.Id;
        var session = await booking.CreateAsync(body);

        var html = await HtmlAsync(booking.Admin, $"/api/v1/sessions/{session.Id}/confirmation");

        html.ShouldContain("<dt>Location</dt><dd>Lincoln Park Conservatory</dd>");
        html.ShouldContain("2391 N Stockton Dr\nChicago, IL 60614\nUS");
        html.ShouldContain("Meet at the fern room entrance.");
    }

    [Fact]
    public async Task A_social_event_gets_an_event_confirmation_with_its_social_event_details_and_organization_fields_reach_the_photographer()
    {
        var booking = await StudioInChicagoAsync();
        var eventType = await app.WithDbAsync(db => Task.FromResult(db.SessionTypes.Single(t => t.Name == "Event")));
        var school = await (await booking.Admin.PostAsJsonAsync("/api/v1/organizations", new { name = "Willow High", code = $"W{Guid.NewGuid():N}"[..8] }))
            .ShouldBeAsync<IdBody>(HttpStatusCode.Created);
        var body = booking.Session("2026-09-12", "15:00", "23:00");
        (body["sessionTypeId"], body["organizationId"], body["studentId"], body["graduationYear"]) = (eventType.Id, school.Id, "S-1001", 2027);
        (body["socialContacts"], body["partySize"], body["guests"], body["suppliers"]) = ("Bride: Mia\nGroom: Leo", 8, "About 120", "Florist: Petal & Stem");
        var session = await booking.CreateAsync(body);

        var forClient = await HtmlAsync(booking.Admin, $"/api/v1/sessions/{session.Id}/confirmation");
        var forPhotographer = await HtmlAsync(booking.Admin, $"/api/v1/sessions/{session.Id}/photographer-confirmation");

        forClient.ShouldContain("<h1>Social event confirmation</h1>");
        foreach (var html in new[] { forClient, forPhotographer })
        {
            html.ShouldContain("Bride: Mia\nGroom: Leo");
            html.ShouldContain("<dt>Party size</dt><dd>8</dd>");
            html.ShouldContain("About 120");
            html.ShouldContain("Florist: Petal &amp; Stem");
        }
        forPhotographer.ShouldContain("<dt>Student id</dt><dd>S-1001</dd>");
        forPhotographer.ShouldContain("<dt>Graduation year</dt><dd>2027</dd>");
        forPhotographer.ShouldContain("Willow High");
        forClient.ShouldNotContain("S-1001");
    }

    [Fact]
    public async Task A_cancelled_session_s_confirmation_says_so_first()
    {
        var booking = await StudioInChicagoAsync();
        var body = booking.Session("2026-07-01", "09:00", "10:00");
        body["cancelled"] = true;
        var session = await booking.CreateAsync(body);

        var html = await HtmlAsync(booking.Admin, $"/api/v1/sessions/{session.Id}/confirmation");

        html.ShouldContain("<p class=\"notice\">This session has been cancelled.</p>");
    }

    [Theory]
    [InlineData("confirmation")]
    [InlineData("photographer-confirmation")]
    public async Task An_unknown_or_deleted_session_has_no_confirmation(string page)
    {
        var booking = await StudioInChicagoAsync();
        var session = await booking.CreateAsync(booking.Session("2026-07-02", "09:00", "10:00"));
        (await booking.Admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/sessions/{session.Id}").WithIfMatch($"\"{session.Version}\"")))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await booking.Admin.GetAsync($"/api/v1/sessions/{session.Id}/{page}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await booking.Admin.GetAsync($"/api/v1/sessions/999999/{page}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_photographer_can_print_both_confirmations_and_the_csharp_sdk_hands_back_the_page()
    {
        var booking = await StudioInChicagoAsync();
        var session = await booking.CreateAsync(booking.Session("2026-07-03", "09:00", "10:00"));
        var asPhotographer = await app.AsRoleAsync(UserRole.Photographer);
        var sessions = new global::StudioApi.Client.SessionsClient(asPhotographer);

        using var clientPage = await sessions.GetConfirmationAsync(session.Id);
        using var photographerPage = await sessions.GetPhotographerConfirmationAsync(session.Id);

        (await new StreamReader(clientPage.Stream).ReadToEndAsync()).ShouldContain("Friday, 3 July 2026, 09:00–10:00");
        (await new StreamReader(photographerPage.Stream).ReadToEndAsync()).ShouldContain("<h1>Photographer confirmation</h1>");
    }

    async Task<Booking> StudioInChicagoAsync()
    {
        var booking = await Booking.InChicagoAsync(app);
        await app.WithDbAsync(async db =>
        {
            var settings = await db.GetStudioSettingsAsync(forUpdate: true, CancellationToken.None);
            settings.Name = "Lakeside Portraits";
            settings.Address = new PostalAddress { Line1 = "400 Lake Shore Drive", City = "Chicago", Region = "IL", PostalCode = "60611", Country = "US" };
            settings.Phone = "(312) 555-0199";
            settings.Email = "hello@lakeside.example";
            await db.SaveChangesAsync();
        });
        return booking;
    }

    async Task<(long Id, string Name)> PersonAsync(string name)
    {
        var user = await app.CreateUserAsync($"u-{Guid.NewGuid():N}"[..20], UserRole.Photographer);
        await app.WithDbAsync(async db =>
        {
            (await db.Users.FindAsync(user.Id))!.DisplayName = name;
            await db.SaveChangesAsync();
        });
        return (user.Id, name);
    }

    static async Task<long> NewClientAsync(HttpClient admin, object body) =>
        (await (await admin.PostAsJsonAsync("/api/v1/clients", body)).ShouldBeAsync<ClientBody>(HttpStatusCode.Created)).Id;

    static async Task<string> HtmlAsync(HttpClient caller, string url)
    {
        var response = await caller.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        return html;
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using StudioApi.Platform.Auth;
using StudioApi.Features.Setup.Users;
using StudioApi.Tests.Features.Imaging.Images;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Platform.Http;

/// <summary>
/// Cross-origin access as a browser sees it: the deployment lists its front ends' origins (here the kiosk's), those get
/// CORS headers that let their script read answers and the headers the conventions use; every other origin gets none,
/// so the browser withholds the answer. The public calls (online booking, signed image links) are open to any origin.
/// </summary>
public sealed class CorsTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>, IAsyncLifetime
{
    const string Kiosk = "https://kiosk.studio.example";
    const string Stranger = "https://elsewhere.example";

    WebApplicationFactory<Program> configured = null!;

    public Task InitializeAsync()
    {
        configured = app.Variant("kiosk allowed", b => b.UseSetting("Cors:AllowedOrigins:0", Kiosk));
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    static HttpRequestMessage Preflight(string url, string origin, string method, string headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, url);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", headers);
        return request;
    }

    static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    static IEnumerable<string> List(HttpResponseMessage response, string name) =>
        (Header(response, name) ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public async Task A_preflight_from_an_allowed_origin_admits_the_methods_and_headers_of_the_conventions_and_is_cached()
    {
        var http = configured.CreateClient();

        var create = await http.SendAsync(Preflight("/api/v1/organizations", Kiosk, "POST", "authorization,content-type,idempotency-key"));
        var update = await http.SendAsync(Preflight("/api/v1/images/1/proofing", Kiosk, "PUT", "authorization,content-type,if-match"));

        foreach (var preflight in new[] { create, update })
        {
            preflight.StatusCode.ShouldBe(HttpStatusCode.NoContent);
            Header(preflight, "Access-Control-Allow-Origin").ShouldBe(Kiosk);
            Header(preflight, "Access-Control-Allow-Credentials").ShouldBeNull();
            Header(preflight, "Access-Control-Max-Age").ShouldBe("3600");
        }
        List(create, "Access-Control-Allow-Methods").ShouldContain("POST");
        new[] { "Authorization", "Content-Type", "Idempotency-Key" }.ShouldBeSubsetOf(List(create, "Access-Control-Allow-Headers"));
        List(update, "Access-Control-Allow-Methods").ShouldContain("PUT");
        List(update, "Access-Control-Allow-Headers").ShouldContain("If-Match");
    }

    [Fact]
    public async Task A_request_from_an_allowed_origin_may_read_the_answer_and_the_headers_a_front_end_needs()
    {
        var admin = await ImageKit.AdminOfAsync(configured);
        using var request = HttpAssertions.Json(HttpMethod.Post, "/api/v1/organizations", new { name = "Birch Elementary", code = "BIRCH" });
        request.Headers.Add("Origin", Kiosk);
        request.Headers.Add("Idempotency-Key", "cors-birch");

        var created = await admin.SendAsync(request);

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        Header(created, "Access-Control-Allow-Origin").ShouldBe(Kiosk);
        Header(created, "Access-Control-Allow-Credentials").ShouldBeNull();
        List(created, "Access-Control-Expose-Headers").ShouldBe(
            ["ETag", "Location", "Idempotent-Replayed", "Retry-After", "X-Total-Pages", "Link", "RateLimit", "RateLimit-Policy",
             "Content-Disposition", "Content-Range"], ignoreOrder: true);
        // What the exposed names stand for is really there to read.
        created.Headers.ETag.ShouldNotBeNull();
        created.Headers.Location.ShouldNotBeNull();
        Header(created, "RateLimit").ShouldNotBeNull();
    }

    [Fact]
    public async Task An_origin_not_on_the_list_gets_no_cors_headers_so_the_browser_keeps_the_answer_from_its_script()
    {
        var http = configured.CreateClient();
        var admin = await ImageKit.AdminOfAsync(configured);

        var preflight = await http.SendAsync(Preflight("/api/v1/organizations", Stranger, "POST", "authorization,content-type"));
        using var read = new HttpRequestMessage(HttpMethod.Get, "/api/v1/organizations");
        read.Headers.Add("Origin", Stranger);
        var answer = await admin.SendAsync(read);

        foreach (var response in new[] { preflight, answer })
        {
            response.Headers.Where(h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase)).ShouldBeEmpty();
        }
        // The server still answers (CORS is the browser's to enforce): curl and other servers are not affected.
        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task With_no_origins_configured_no_origin_gets_cors_headers()
    {
        var http = app.CreateClient();

        var preflight = await http.SendAsync(Preflight("/api/v1/organizations", Kiosk, "POST", "authorization,content-type"));

        preflight.Headers.Where(h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_local_demo_start_lets_the_kiosk_sample_in_and_a_deployment_with_its_own_address_does_not()
    {
        // No address configured: the local demo on localhost:5080, which the kiosk sample's dev server calls.
        var demo = await app.CreateClient().SendAsync(Preflight("/api/v1/sessions", "http://localhost:5173", "GET", "authorization"));
        Header(demo, "Access-Control-Allow-Origin").ShouldBe("http://localhost:5173");

        var deployed = app.Variant("deployed with its own address", b => b.UseSetting("urls", "http://0.0.0.0:8080"));
        var refused = await deployed.CreateClient().SendAsync(Preflight("/api/v1/sessions", "http://localhost:5173", "GET", "authorization"));
        Header(refused, "Access-Control-Allow-Origin").ShouldBeNull();
    }

    [Fact]
    public async Task Online_booking_and_signed_image_links_are_open_to_any_origin_without_credentials_but_calendar_feeds_are_not()
    {
        var admin = await ImageKit.AdminOfAsync(configured);
        var key = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/settings")).GetProperty("onlineBookingKey").GetString();
        var session = await ImageKit.NewSessionAsync(app);
        (await admin.ImportAsync(session, ImageKit.File("Portrait_1.jpg"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var image = (await admin.ListAsync(session)).Single();
        var link = await (await admin.PostAsJsonAsync($"/api/v1/images/{image.Id}/links", new { rendition = "original" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var photographer = await app.CreateUserAsync($"cors-{Guid.NewGuid():N}"[..20], UserRole.Photographer);
        var feed = await (await admin.PostAsJsonAsync("/api/v1/calendar/feeds", new { userId = photographer.Id }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var anonymous = configured.CreateClient();

        async Task<HttpResponseMessage> FromStrangerAsync(string url)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add("Origin", Stranger);
            return await anonymous.SendAsync(request);
        }

        var bookingPreflight = await anonymous.SendAsync(Preflight("/api/v1/online-booking/bookings", Stranger, "POST", "content-type,idempotency-key"));
        var availability = await FromStrangerAsync($"/api/v1/online-booking/availability?bookingKey={key}&sessionTypeId=999999&from=2030-01-01&to=2030-01-02");
        var file = await FromStrangerAsync(link.GetProperty("url").GetString()!);
        var calendar = await FromStrangerAsync(new Uri(feed.GetProperty("url").GetString()!).PathAndQuery);

        bookingPreflight.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        Header(bookingPreflight, "Access-Control-Allow-Origin").ShouldBe("*");
        List(bookingPreflight, "Access-Control-Allow-Methods").ShouldContain("POST");
        // An unknown session type is a problem the booking page should be able to show: readable too.
        Header(availability, "Access-Control-Allow-Origin").ShouldBe("*");
        file.StatusCode.ShouldBe(HttpStatusCode.OK);
        Header(file, "Access-Control-Allow-Origin").ShouldBe("*");
        foreach (var response in new[] { bookingPreflight, availability, file })
            Header(response, "Access-Control-Allow-Credentials").ShouldBeNull();
        calendar.StatusCode.ShouldBe(HttpStatusCode.OK);
        Header(calendar, "Access-Control-Allow-Origin").ShouldBeNull();
    }

    [Fact]
    public void A_configured_origin_with_a_path_or_a_trailing_slash_stops_the_app_from_starting()
    {
        using var mistyped = app.WithWebHostBuilder(b => b.UseSetting("Cors:AllowedOrigins:0", "https://kiosk.studio.example/"));

        var error = Should.Throw<InvalidOperationException>(() => mistyped.CreateClient());

        error.Message.ShouldContain("https://kiosk.studio.example/");
    }
}

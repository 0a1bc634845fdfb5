using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Messaging.Links;

public sealed partial class PublicLinkTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    static string Day(int fromToday) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(fromToday).ToString("yyyy-MM-dd");

    /// <summary>The link a template renders for a record, as the path and query the test server answers.</summary>
    async Task<string> LinkAsync(HttpClient admin, string field, string recordType, long recordId)
    {
        var template = await admin.NewTemplateAsync(MessagingKit.Unique("Link"), $"[{{{{ links.{field} }}}}]", recordType: recordType);
        var body = (await admin.PreviewAsync(template.Id, recordId)).Body;
        return new Uri(LinkPattern().Match(body).Groups[1].Value).PathAndQuery;
    }

    [Fact]
    public async Task An_unsubscribe_link_shows_a_button_then_unsubscribes_the_client_once_and_later_e_mails_are_skipped()
    {
        var admin = await app.AdminAsync();
        var client = await admin.NewClientAsync("Una", MessagingKit.Unique("Subscribe"), email: "una@example.com");
        var link = await LinkAsync(admin, "unsubscribe", "client", client);
        var anonymous = app.CreateClient();

        var page = await anonymous.GetAsync(link);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await page.Content.ReadAsStringAsync()).ShouldContain("<form method=\"post\"");
        (await Client(admin, client))["unsubscribed"]!.GetValue<bool>().ShouldBeFalse("opening the page (a mail scanner does) changes nothing");

        // A mail program's one-click unsubscribe (RFC 8058), twice.
        for (var click = 0; click < 2; click++)
        {
            var done = await anonymous.PostAsync(link, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
            done.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await done.Content.ReadAsStringAsync()).ShouldContain("You are unsubscribed");
        }
        var after = await Client(admin, client);
        after["unsubscribed"]!.GetValue<bool>().ShouldBeTrue();
        after["version"]!.GetValue<int>().ShouldBe(2);
        after["updatedBy"]!.GetValue<string>().ShouldBe("client (unsubscribe link)");
        (await admin.NewCommunicationAsync(new { kind = "email", clientId = client, subject = "News", body = "News" })).SkipReason.ShouldBe("unsubscribed");
        (await anonymous.PostAsync(link.Replace("sig=", "sig=x"), Button)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var other = await admin.NewClientAsync("Other", MessagingKit.Unique("Client"));
        (await anonymous.PostAsync(Regex.Replace(link, @"client=\d+", $"client={other}"), Button)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_confirmation_button_confirms_the_session_once_and_a_link_to_a_moved_session_confirms_nothing()
    {
        var admin = await app.AdminAsync();
        var client = await admin.NewClientAsync("Connor", MessagingKit.Unique("Confirm"), email: "connor@example.com");
        var session = await admin.NewSessionAsync(client, Day(12), "16:00", "17:00");
        var link = await LinkAsync(admin, "confirmation", "session", session);
        var anonymous = app.CreateClient();

        (await (await anonymous.GetAsync(link)).Content.ReadAsStringAsync()).ShouldContain("Confirm your session");
        (await Session(admin, session))["confirmed"]!.GetValue<bool>().ShouldBeFalse();
        var first = await anonymous.PostAsync(link, Button);
        var second = await anonymous.PostAsync(link, null); // a caller without a form works too

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await first.Content.ReadAsStringAsync()).ShouldContain("Your session is confirmed");
        var confirmed = await Session(admin, session);
        confirmed["confirmed"]!.GetValue<bool>().ShouldBeTrue();
        confirmed["version"]!.GetValue<int>().ShouldBe(2);
        var log = await (await admin.GetAsync($"/api/v1/sessions/{session}/status-log")).ShouldBeAsync<JsonObject>(HttpStatusCode.OK);
        log["lines"]!.AsArray().Count(e => e!["by"]!.GetValue<string>() == "client (confirmation link)").ShouldBe(1);

        // Moved to another day: the old link is refused, and a fresh one confirms the new day.
        var moved = await Session(admin, session);
        moved["date"] = Day(13);
        moved["confirmed"] = false;
        (await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, $"/api/v1/sessions/{session}", moved).WithIfMatch($"\"{moved["version"]}\"")))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await anonymous.PostAsync(link, Button)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await Session(admin, session))["confirmed"]!.GetValue<bool>().ShouldBeFalse();
        var fresh = await LinkAsync(admin, "confirmation", "session", session);
        (await anonymous.PostAsync(fresh, Button)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Session(admin, session))["confirmed"]!.GetValue<bool>().ShouldBeTrue();
        (await anonymous.PostAsync(fresh.Replace("&date=", "&date=2030-01-01&x="), Button)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    /// <summary>What a browser posts for the page's button: an empty form.</summary>
    static FormUrlEncodedContent Button => new([]);

    static async Task<JsonObject> Client(HttpClient caller, long id) =>
        await (await caller.GetAsync($"/api/v1/clients/{id}")).ShouldBeAsync<JsonObject>(HttpStatusCode.OK);

    static async Task<JsonObject> Session(HttpClient caller, long id) =>
        await (await caller.GetAsync($"/api/v1/sessions/{id}")).ShouldBeAsync<JsonObject>(HttpStatusCode.OK);

    [GeneratedRegex(@"\[(http[^\]]+)\]")]
    private static partial Regex LinkPattern();
}

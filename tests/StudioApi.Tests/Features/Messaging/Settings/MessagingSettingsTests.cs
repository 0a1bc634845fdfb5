using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Messaging;
using StudioApi.Platform.Auth;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Messaging.Settings;

public sealed class MessagingSettingsTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    const string Url = "/api/v1/messaging-settings";

    [Fact]
    public async Task The_smtp_password_and_twilio_token_are_write_only_kept_encrypted_kept_when_left_out_and_removed_with_empty()
    {
        var admin = await app.AdminAsync();
        var read = await (await admin.GetAsync(Url)).ShouldBeAsync<JsonObject>(HttpStatusCode.OK);
        read["hasSmtpPassword"]!.GetValue<bool>().ShouldBeFalse();

        var body = Body("mail.example.com", password: "s3cret-smtp", token: "twilio-token-123");
        var saved = await Put(admin, body, read["version"]!.GetValue<int>());
        var text = saved.ToJsonString();
        text.ShouldNotContain("s3cret-smtp");
        text.ShouldNotContain("twilio-token-123");
        saved["hasSmtpPassword"]!.GetValue<bool>().ShouldBeTrue();
        saved["hasTwilioAuthToken"]!.GetValue<bool>().ShouldBeTrue();
        var stored = await app.WithDbAsync(db => db.MessagingSettings.AsNoTracking().SingleAsync());
        stored.SmtpPasswordProtected.ShouldNotBeNull().ShouldNotContain("s3cret");

        // Sending back what was read (no secrets in it) keeps them.
        var kept = await Put(admin, saved, saved["version"]!.GetValue<int>());
        kept["hasSmtpPassword"]!.GetValue<bool>().ShouldBeTrue();
        kept["version"]!.GetValue<int>().ShouldBe(saved["version"]!.GetValue<int>());

        var cleared = await Put(admin, Body("mail.example.com", password: "", token: null), kept["version"]!.GetValue<int>());
        cleared["hasSmtpPassword"]!.GetValue<bool>().ShouldBeFalse();
        cleared["hasTwilioAuthToken"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task Bad_addresses_are_refused_by_field_and_only_the_admin_changes_the_settings()
    {
        var admin = await app.AdminAsync();
        var read = await (await admin.GetAsync(Url)).ShouldBeAsync<JsonObject>(HttpStatusCode.OK);
        var bad = Body("smtp://mail.example.com", password: null, token: null);
        bad["publicBaseUrl"] = "ftp://api.example.com/?x=1";
        bad["senderEmail"] = "not an address";
        bad["smtpPort"] = 70000;
        bad["smsProvider"] = "twilio";
        bad["twilioAccountSid"] = null;

        var refused = await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, Url, bad).WithIfMatch($"\"{read["version"]}\""));

        (await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors()
            .ShouldBe(["publicBaseUrl", "senderEmail", "smtpHost", "smtpPort", "twilioAccountSid"], ignoreOrder: true);
        var staff = await app.AsRoleAsync(UserRole.Staff);
        (await staff.GetAsync(Url)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await staff.SendAsync(HttpAssertions.Json(HttpMethod.Put, Url, Body("x", null, null)).WithIfMatch("\"1\""))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_bounce_mailbox_password_is_write_only_and_kept_encrypted_and_a_bad_mailbox_host_is_refused()
    {
        var admin = await app.AdminAsync();
        var read = await (await admin.GetAsync(Url)).ShouldBeAsync<JsonObject>(HttpStatusCode.OK);
        (read["bounceMailboxPort"]!.GetValue<int>(), read["bounceMailboxTlsMode"]!.GetValue<string>()).ShouldBe((995, "sslOnConnect"));
        var body = Body("mail.example.com", password: null, token: null);
        body["bounceMailboxHost"] = "pop.example.com";
        body["bounceMailboxUsername"] = "bounces@lakeside.example";
        body["bounceMailboxPassword"] = "s3cret-pop3";

        var saved = await Put(admin, body, read["version"]!.GetValue<int>());

        saved.ToJsonString().ShouldNotContain("s3cret-pop3");
        (saved["bounceMailboxHost"]!.GetValue<string>(), saved["hasBounceMailboxPassword"]!.GetValue<bool>()).ShouldBe(("pop.example.com", true));
        var stored = await app.WithDbAsync(db => db.MessagingSettings.AsNoTracking().SingleAsync());
        stored.BounceMailboxPasswordProtected.ShouldNotBeNull().ShouldNotContain("s3cret");
        var bad = (JsonObject)body.DeepClone();
        bad["bounceMailboxHost"] = "pop3://pop.example.com";
        bad["bounceMailboxPort"] = 0;
        var refused = await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, Url, bad).WithIfMatch($"\"{saved["version"]}\""));
        (await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["bounceMailboxHost", "bounceMailboxPort"], ignoreOrder: true);
        (await (await admin.GetAsync(Url)).ShouldBeAsync<JsonObject>(HttpStatusCode.OK))["bounceMailboxHost"]!.GetValue<string>().ShouldBe("pop.example.com");
    }

    static JsonObject Body(string host, string? password, string? token) => new()
    {
        ["publicBaseUrl"] = "https://api.studio.example",
        ["senderName"] = "Lakeside Portraits",
        ["senderEmail"] = "hello@lakeside.example",
        ["smtpHost"] = host,
        ["smtpPort"] = 587,
        ["smtpTlsMode"] = "startTls",
        ["smtpUsername"] = "lakeside",
        ["smtpPassword"] = password,
        ["smsProvider"] = "twilio",
        ["twilioAccountSid"] = "AC" + new string('a', 32),
        ["twilioAuthToken"] = token,
        ["twilioFromNumber"] = "+12175550100",
    };

    static async Task<JsonObject> Put(HttpClient admin, JsonObject body, int version)
    {
        var response = await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, Url, body).WithIfMatch($"\"{version}\""));
        return await response.ShouldBeAsync<JsonObject>(HttpStatusCode.OK);
    }
}

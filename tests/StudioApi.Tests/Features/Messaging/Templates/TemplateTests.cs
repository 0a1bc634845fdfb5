using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StudioApi.Platform.Auth;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Messaging.Templates;

public sealed class TemplateTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    const string Url = MessagingKit.Templates;

    [Fact]
    public async Task A_session_letter_merges_the_client_the_session_the_studio_and_a_signed_confirmation_link()
    {
        var admin = await app.AdminAsync();
        var client = await admin.NewClientAsync(new
        {
            firstName = "Maria", lastName = "Lopez",
            emails = new[] { new { address = "maria@example.com", isPrimary = true } },
            familyMembers = new[] { new { firstName = "Luis", relationshipId = await RelationshipAsync(admin, "Child") } },
        });
        var session = await admin.NewSessionAsync(client, "2026-09-15", "14:30", "15:30", new { description = "Fall family portraits" });
        var letter = await admin.NewTemplateAsync(MessagingKit.Unique("Reminder"),
            "Dear {{ client.firstName }},\nyour session #{{ session.number }} is on {{ session.dateText }} at {{ session.startTimeText }}"
            + " ({{ session.date | date: '%B %e' }}).\n{% for m in client.familyMembers %}Bring {{ m.firstName }} ({{ m.relationship }}).{% endfor %}\n"
            + "Confirm: {{ links.confirmation }}\n{{ studio.name }}",
            subject: "Your session with {{ studio.name }}");

        var preview = await admin.PreviewAsync(letter.Id, session);

        preview.Format.ShouldBe("text");
        preview.Subject.ShouldStartWith("Your session with ");
        preview.Body.ShouldContain("Dear Maria,");
        preview.Body.ShouldContain("is on Tuesday, September 15, 2026 at 2:30 PM (September 15)");
        preview.Body.ShouldContain("Bring Luis (Child).");
        preview.Body.ShouldMatch(@"Confirm: http://localhost:5080/api/v1/public/session-confirmation\?session=\d+&date=2026-09-15&sig=[A-Za-z0-9_-]+");
    }

    [Fact]
    public async Task An_html_email_is_kept_as_pasted_and_encodes_what_it_merges()
    {
        var admin = await app.AdminAsync();
        var client = await admin.NewClientAsync(new { kind = "business", company = "<b>Smith & Sons</b>" });
        const string html = "<!DOCTYPE html>\n<html><body style=\"font-family:Georgia\"><p>Hello {{ client.displayName }}</p>\n<p><a href=\"{{ links.unsubscribe }}\">Unsubscribe</a></p></body></html>\r\n";
        var email = await admin.NewTemplateAsync(MessagingKit.Unique("Newsletter"), html, recordType: "client", kind: "htmlEmail");

        email.Body.ShouldBe(html);
        var preview = await admin.PreviewAsync(email.Id, client);

        preview.Format.ShouldBe("html");
        preview.Body.ShouldContain("<p>Hello &lt;b&gt;Smith &amp; Sons&lt;/b&gt;</p>");
        preview.Body.ShouldContain("href=\"http://localhost:5080/api/v1/public/unsubscribe?client=");
    }

    [Theory]
    [InlineData("body", "Hi {{ client.nickname }}", "client.nickname")]
    [InlineData("body", "{{ invoice.total }}", "invoice")]
    [InlineData("body", "{% for m in client.familyMembers %}{{ m.shoeSize }}{% endfor %}", "client.familyMembers.shoeSize")]
    [InlineData("body", "{{ client.firstName | shout }}", "shout")]
    [InlineData("body", "Hi {{ client.firstName ", "does not parse")]
    [InlineData("body", "{% include 'footer' %}", "include")]
    [InlineData("subject", "Hello {{ client.nickName }}", "client.nickName")]
    public async Task A_template_naming_a_merge_field_or_filter_that_does_not_exist_is_refused_at_save_with_the_field_named(
        string field, string text, string named)
    {
        var admin = await app.AdminAsync();
        var name = MessagingKit.Unique("Broken");
        var body = field == "body" ? text : "Hello";
        var subject = field == "subject" ? text : null;

        var response = await admin.PostAsJsonAsync(Url, new { name, kind = "formLetter", recordType = "session", subject, body });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var error = problem.GetProperty("errors").EnumerateArray().Single();
        error.GetProperty("name").GetString().ShouldBe(field);
        error.GetProperty("reason").GetString()!.ShouldContain(named);
        (await (await admin.GetAsync($"{Url}?q={Uri.EscapeDataString(name)}")).ShouldBeAsync<TemplatePage>(HttpStatusCode.OK)).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_client_template_cannot_merge_a_session_and_every_unknown_field_is_listed()
    {
        var admin = await app.AdminAsync();

        var response = await admin.PostAsJsonAsync(Url, new
        {
            name = MessagingKit.Unique("Client letter"), kind = "formLetter", recordType = "client",
            body = "{{ client.firstName }} {{ session.dateText }} {{ links.confirmation }} {{ client.age }}",
        });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var error = problem.GetProperty("errors").EnumerateArray().Single();
        error.GetProperty("name").GetString().ShouldBe("body");
        var reason = error.GetProperty("reason").GetString()!;
        reason.ShouldContain("'session' is not available in a client template");
        reason.ShouldContain("'links.confirmation' is not available in a client template");
        reason.ShouldContain("'client.age'");
        reason.ShouldNotContain("firstName");
    }

    [Fact]
    public async Task The_merge_fields_of_a_record_type_are_listed_for_template_editors()
    {
        var photographer = await app.AsRoleAsync(UserRole.Photographer);

        var session = await (await photographer.GetAsync($"{Url}/merge-fields?recordType=session")).ShouldBeAsync<MergeFieldList>(HttpStatusCode.OK);
        var client = await (await photographer.GetAsync($"{Url}/merge-fields?recordType=client")).ShouldBeAsync<MergeFieldList>(HttpStatusCode.OK);

        session.Items.Select(f => f.Path).ShouldContain("session.dateText");
        session.Items.Select(f => f.Path).ShouldContain("client.familyMembers.firstName");
        session.Items.Single(f => f.Path == "client.familyMembers").Type.ShouldBe("list");
        client.Items.Select(f => f.Path).ShouldContain("links.unsubscribe");
        client.Items.ShouldNotContain(f => f.Path.StartsWith("session") || f.Path == "links.confirmation");
        session.Items.ShouldAllBe(f => f.Description.Length > 0);
    }

    [Fact]
    public async Task A_template_is_edited_with_its_version_deleted_and_restored()
    {
        var admin = await app.AdminAsync();
        var template = await admin.NewTemplateAsync(MessagingKit.Unique("Thank you"), "Thank you, {{ client.firstName }}!", recordType: "client");
        var url = $"{Url}/{template.Id}";

        var edited = await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, url, new
        {
            name = template.Name, kind = "formLetter", recordType = "client", body = "Thanks again, {{ client.firstName }}.", isActive = false,
        }).WithIfMatch("\"1\""));
        (await edited.ShouldBeAsync<TemplateBody>(HttpStatusCode.OK)).ShouldSatisfyAllConditions(
            t => t.Version.ShouldBe(2), t => t.IsActive.ShouldBeFalse(), t => t.Body.ShouldBe("Thanks again, {{ client.firstName }}."));

        var stale = await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, url, new { name = template.Name, kind = "formLetter", recordType = "client", body = "x" })
            .WithIfMatch("\"1\""));
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        var duplicate = await admin.PostAsJsonAsync(Url, new { name = template.Name, kind = "formLetter", recordType = "client", body = "x" });
        await duplicate.ShouldBeProblemAsync(HttpStatusCode.Conflict);

        (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, url).WithIfMatch("\"2\""))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await admin.GetAsync($"{Url}?deleted=true&limit=200")).ShouldBeAsync<TemplatePage>(HttpStatusCode.OK)).Items.ShouldContain(t => t.Id == template.Id);
        (await (await admin.PostAsync($"{url}/restore", null)).ShouldBeAsync<TemplateBody>(HttpStatusCode.OK)).DeletedAt.ShouldBeNull();
    }

    [Fact]
    public async Task A_preview_renders_sample_data_without_a_record_and_refuses_a_record_that_does_not_exist()
    {
        var admin = await app.AdminAsync();
        var template = await admin.NewTemplateAsync(MessagingKit.Unique("Sample"), "{{ client.displayName }} on {{ session.dateText }}");

        var sample = await admin.PreviewAsync(template.Id, null);
        sample.Body.ShouldStartWith("Jane Sample on ");
        sample.RecordId.ShouldBeNull();

        var missing = await admin.PostAsJsonAsync($"{Url}/{template.Id}/preview", new { recordId = 987654321 });
        (await missing.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["recordId"]);
    }

    [Fact]
    public async Task Only_the_front_desk_writes_templates_and_every_staff_member_reads_and_previews_them()
    {
        var admin = await app.AdminAsync();
        var template = await admin.NewTemplateAsync(MessagingKit.Unique("Roles"), "Hi {{ client.firstName }}", recordType: "client");
        var photographer = await app.AsRoleAsync(UserRole.Photographer);
        var staff = await app.AsRoleAsync(UserRole.Staff);

        (await photographer.PostAsJsonAsync(Url, new { name = "Nope", kind = "formLetter", recordType = "client", body = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await photographer.PostAsJsonAsync($"{Url}/{template.Id}/preview", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await staff.PostAsJsonAsync(Url, new { name = MessagingKit.Unique("Front desk"), kind = "formLetter", recordType = "client", body = "x" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    static async Task<long> RelationshipAsync(HttpClient caller, string name)
    {
        var page = JsonDocument.Parse(await caller.GetStringAsync($"/api/v1/relationships?q={name}")).RootElement;
        return page.GetProperty("items").EnumerateArray().First(r => r.GetProperty("name").GetString() == name).GetProperty("id").GetInt64();
    }
}

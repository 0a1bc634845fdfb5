using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Schools;
using StudioApi.Tests.Infrastructure;
using static StudioApi.Tests.Features.Schools.PartnerKit;

namespace StudioApi.Tests.Features.Schools;

public sealed class PartnerClientTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    [Fact]
    public async Task A_new_client_shows_its_prefixed_secret_once_and_keeps_only_a_hash()
    {
        var admin = await app.AdminAsync();
        var organization = await CreateOrganizationAsync(admin, "Lincoln Elementary");

        var created = await CreateClientAsync(admin, [organization], "roster:read", "sessions:read");

        created.ClientId.ShouldStartWith("sapi_pc_");
        created.ClientSecret.ShouldNotBeNull().ShouldStartWith("sapi_ps_");
        created.ClientSecret!.Length.ShouldBeGreaterThan(40);
        created.Scopes.ShouldBe(["roster:read", "sessions:read"]);
        created.OrganizationIds.ShouldBe([organization]);
        created.Secrets.Single().Hint.ShouldBe(created.ClientSecret[^4..]);

        var read = await admin.GetStringAsync($"/api/v1/partner-clients/{created.Id}");
        read.ShouldNotContain(created.ClientSecret);
        JsonDocument.Parse(read).RootElement.TryGetProperty("clientSecret", out _).ShouldBeFalse();
        var stored = await app.WithDbAsync(db => db.PartnerClients.AsNoTracking().SingleAsync(c => c.Id == created.Id));
        stored.Secrets.Single().Hash.ShouldNotContain(created.ClientSecret[8..]);
        stored.Secrets.Single().Hash.Length.ShouldBe(64);
    }

    [Fact]
    public async Task Client_credentials_in_the_form_or_with_basic_authentication_get_a_bearer_token_that_is_not_cached()
    {
        var admin = await app.AdminAsync();
        var school = await CreateSchoolAsync(app, admin, "Maple Grove");
        var client = await CreateClientAsync(admin, [school.OrganizationId], "roster:read");
        var anonymous = app.CreateClient();

        var inForm = await RequestTokenAsync(anonymous, client.ClientId, client.ClientSecret!);
        var token = await inForm.ShouldBeAsync<TokenBody>(HttpStatusCode.OK);
        token.token_type.ShouldBe("Bearer");
        token.scope.ShouldBe("roster:read");
        token.expires_in.ShouldBeGreaterThan(0);
        inForm.Headers.CacheControl!.NoStore.ShouldBeTrue();

        using var basic = new HttpRequestMessage(HttpMethod.Post, TokenPath)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }),
        };
        basic.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{client.ClientId}:{client.ClientSecret}")));
        var viaBasic = await (await anonymous.SendAsync(basic)).ShouldBeAsync<TokenBody>(HttpStatusCode.OK);

        var partner = app.CreateClient();
        partner.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", viaBasic.access_token);
        var students = await partner.GetStringAsync($"/api/v1/partner/organizations/{school.OrganizationId}/students");
        students.ShouldContain("Brontë");
    }

    [Fact]
    public async Task Refused_token_requests_answer_the_oauth_error_inside_a_problem()
    {
        var admin = await app.AdminAsync();
        var client = await CreateClientAsync(admin, [await CreateOrganizationAsync(admin, "Oak Hill")], "roster:read");
        var anonymous = app.CreateClient();

        var wrongSecretResponse = await RequestTokenAsync(anonymous, client.ClientId, client.ClientSecret! + "x");
        wrongSecretResponse.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var wrongSecret = await wrongSecretResponse.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        wrongSecret.GetProperty("error").GetString().ShouldBe("invalid_client");
        var unknown = await (await RequestTokenAsync(anonymous, "sapi_pc_nobody", client.ClientSecret!)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        unknown.GetProperty("error").GetString().ShouldBe("invalid_client");

        using var badBasic = new HttpRequestMessage(HttpMethod.Post, TokenPath)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }),
        };
        badBasic.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{client.ClientId}:nope")));
        var basicRefused = await anonymous.SendAsync(badBasic);
        await basicRefused.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        basicRefused.Headers.WwwAuthenticate.ShouldContain(h => h.Scheme == "Basic");

        var password = await anonymous.PostAsync(TokenPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["client_id"] = client.ClientId, ["client_secret"] = client.ClientSecret!,
        }));
        (await password.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("error").GetString().ShouldBe("unsupported_grant_type");

        var noGrant = await anonymous.PostAsync(TokenPath, new FormUrlEncodedContent(new Dictionary<string, string> { ["client_id"] = client.ClientId }));
        var missing = await noGrant.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        missing.GetProperty("error").GetString().ShouldBe("invalid_request");
        missing.FieldErrors().ShouldBe(["grant_type"]);

        var tooMuch = await (await RequestTokenAsync(anonymous, client.ClientId, client.ClientSecret!, "roster:read roster:write")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        tooMuch.GetProperty("error").GetString().ShouldBe("invalid_scope");

        var asJson = await anonymous.PostAsJsonAsync(TokenPath, new { grant_type = "client_credentials", client_id = client.ClientId, client_secret = client.ClientSecret });
        await asJson.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_rotated_secret_keeps_working_through_the_overlap_beside_the_new_one_and_stops_after()
    {
        var admin = await app.AdminAsync();
        var client = await CreateClientAsync(admin, [await CreateOrganizationAsync(admin, "Cedar Park")], "roster:read");
        var anonymous = app.CreateClient();

        var rotated = await RotateAsync(admin, client.Id, client.Version, overlapMinutes: 60);
        rotated.ClientSecret.ShouldNotBe(client.ClientSecret);
        rotated.Secrets.Count.ShouldBe(2);
        rotated.Secrets.Count(s => s.ExpiresAt is not null).ShouldBe(1);
        (await RequestTokenAsync(anonymous, client.ClientId, client.ClientSecret!)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await RequestTokenAsync(anonymous, client.ClientId, rotated.ClientSecret!)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // A second rotation without overlap: only the newest secret works.
        var again = await RotateAsync(admin, client.Id, rotated.Version, overlapMinutes: 0);
        again.Secrets.Count.ShouldBe(1);
        (await RequestTokenAsync(anonymous, client.ClientId, client.ClientSecret!)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await RequestTokenAsync(anonymous, client.ClientId, rotated.ClientSecret!)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await RequestTokenAsync(anonymous, client.ClientId, again.ClientSecret!)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // A stale version is refused and changes nothing.
        var stale = await admin.SendAsync(HttpAssertions.Json(HttpMethod.Post, $"/api/v1/partner-clients/{client.Id}/secret-rotations", new { overlapMinutes = 0 })
            .WithIfMatch($"\"{client.Version}\""));
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        (await RequestTokenAsync(anonymous, client.ClientId, again.ClientSecret!)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Revoking_a_client_stops_its_tokens_already_issued_and_its_secret_at_once()
    {
        var admin = await app.AdminAsync();
        var organization = await CreateOrganizationAsync(admin, "Birch Academy");
        var client = await CreateClientAsync(admin, [organization], "roster:read");
        var partner = await SignInAsync(app, client);
        (await partner.GetAsync($"/api/v1/partner/organizations/{organization}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var revoked = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/partner-clients/{client.Id}/revocation")
            .WithIfMatch($"\"{client.Version}\""));
        var body = await revoked.ShouldBeAsync<PartnerClientBody>(HttpStatusCode.OK);
        body.RevokedAt.ShouldNotBeNull();
        body.Secrets.ShouldBeEmpty();

        await (await partner.GetAsync($"/api/v1/partner/organizations/{organization}")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await RequestTokenAsync(app.CreateClient(), client.ClientId, client.ClientSecret!)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var rotate = await admin.SendAsync(HttpAssertions.Json(HttpMethod.Post, $"/api/v1/partner-clients/{client.Id}/secret-rotations", new { })
            .WithIfMatch($"\"{body.Version}\""));
        await rotate.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Taking_an_organization_or_a_scope_away_applies_to_tokens_already_issued()
    {
        var admin = await app.AdminAsync();
        var first = await CreateOrganizationAsync(admin, "North Campus");
        var second = await CreateOrganizationAsync(admin, "South Campus");
        var client = await CreateClientAsync(admin, [first, second], "roster:read", "sessions:read");
        var partner = await SignInAsync(app, client);
        (await partner.GetAsync($"/api/v1/partner/organizations/{second}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var updated = await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, $"/api/v1/partner-clients/{client.Id}",
            new { name = "District partner", organizationIds = new[] { first }, scopes = new[] { "roster:read" } }).WithIfMatch($"\"{client.Version}\""));
        var narrowed = await updated.ShouldBeAsync<PartnerClientBody>(HttpStatusCode.OK);
        narrowed.OrganizationIds.ShouldBe([first]);

        await (await partner.GetAsync($"/api/v1/partner/organizations/{second}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await partner.GetAsync($"/api/v1/partner/organizations/{first}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var noRoster = await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, $"/api/v1/partner-clients/{client.Id}",
            new { name = "District partner", organizationIds = new[] { first }, scopes = new[] { "sessions:read" } }).WithIfMatch($"\"{narrowed.Version}\""));
        noRoster.StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await partner.GetAsync($"/api/v1/partner/organizations/{first}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_token_asked_for_fewer_scopes_has_only_those()
    {
        var admin = await app.AdminAsync();
        var school = await CreateSchoolAsync(app, admin, "Willow Creek");
        var client = await CreateClientAsync(admin, [school.OrganizationId], "roster:read", "images:read");

        var narrow = await SignInAsync(app, client, scope: "roster:read");

        (await narrow.GetAsync($"/api/v1/partner/students/{school.StudentId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await narrow.GetAsync($"/api/v1/partner/sessions/{school.SessionId}/images")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Unknown_organizations_and_scopes_are_refused_naming_the_field()
    {
        var admin = await app.AdminAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/partner-clients",
            new { name = "Bad", organizationIds = new[] { 987654321L }, scopes = new[] { "roster:read" } });
        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["organizationIds"]);

        var badScope = await admin.PostAsJsonAsync("/api/v1/partner-clients",
            new { name = "Bad", organizationIds = new[] { await CreateOrganizationAsync(admin, "Elm") }, scopes = new[] { "everything" } });
        (await badScope.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["scopes[0]"]);
    }

    static async Task<PartnerClientBody> RotateAsync(HttpClient admin, long id, int version, int overlapMinutes)
    {
        var response = await admin.SendAsync(HttpAssertions.Json(HttpMethod.Post, $"/api/v1/partner-clients/{id}/secret-rotations", new { overlapMinutes })
            .WithIfMatch($"\"{version}\""));
        return await response.ShouldBeAsync<PartnerClientBody>(HttpStatusCode.OK);
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using StudioApi.Platform.Auth;
using StudioApi.Tests.Features.Imaging.Images;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Schools;

/// <summary>A school with a student, a session and an image, and partner clients made through the API.</summary>
public static class PartnerKit
{
    public const string TokenPath = "/api/v1/oauth/token";

    public sealed record School(long OrganizationId, long StudentId, long SessionId, long ImageId)
    {
        /// <summary>A dry-run roster import of the school, once made.</summary>
        public long RosterImportId { get; init; }
        /// <summary>A finished yearbook package of the school, once made.</summary>
        public long YearbookPackageId { get; init; }
    }

    public sealed record PartnerClientBody(long Id, int Version, string ClientId, string? ClientSecret, List<long> OrganizationIds,
        List<string> Scopes, List<SecretBody> Secrets, DateTimeOffset? RevokedAt);

    public sealed record SecretBody(string Hint, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt);

    public sealed record TokenBody(string access_token, string token_type, int expires_in, string scope);

    public static async Task<long> CreateOrganizationAsync(HttpClient admin, string name)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/organizations", new { name, code = $"S{Guid.NewGuid():N}"[..12] });
        return (await response.ShouldBeAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetInt64();
    }

    public static async Task<long> CreateStudentAsync(HttpClient admin, long organizationId, string firstName, string lastName, string studentId)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/clients", new
        {
            firstName, lastName,
            student = new { organizationId, studentId, grade = "5", homeroom = "5B", teacher = "Ms. Ōtsuka" },
        });
        return (await response.ShouldBeAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetInt64();
    }

    /// <summary>An organization with one student who has a session with one imported image.</summary>
    public static async Task<School> CreateSchoolAsync(StudioApiFactory app, HttpClient admin, string name, string studentLastName = "Brontë")
    {
        var organizationId = await CreateOrganizationAsync(admin, name);
        var studentId = await CreateStudentAsync(admin, organizationId, "Zoë", studentLastName, $"ST{Random.Shared.Next(100000)}");
        var photographer = await app.CreateUserAsync($"ph-{Guid.NewGuid():N}"[..20], UserRole.Photographer);
        var day = DateTime.UtcNow.Date.AddDays(Random.Shared.Next(30, 3000)).ToString("yyyy-MM-dd");
        var session = await admin.PostAsJsonAsync("/api/v1/sessions",
            new { clientId = studentId, date = day, startTime = "09:00", endTime = "10:00", photographerId = photographer.Id, organizationId });
        var sessionId = (await session.ShouldBeAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var import = await admin.ImportAsync(sessionId, ImageKit.File("Landscape_1.jpg"));
        var imageId = (await import.ShouldBeAsync<JsonElement>(HttpStatusCode.OK)).GetProperty("files")[0].GetProperty("image").GetProperty("id").GetInt64();
        return new School(organizationId, studentId, sessionId, imageId);
    }

    public static async Task<PartnerClientBody> CreateClientAsync(HttpClient admin, long[] organizationIds, params string[] scopes)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/partner-clients", new { name = "District partner", organizationIds, scopes });
        return await response.ShouldBeAsync<PartnerClientBody>(HttpStatusCode.Created);
    }

    public static Task<HttpResponseMessage> RequestTokenAsync(HttpClient anonymous, string clientId, string secret, string? scope = null)
    {
        var fields = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret };
        if (scope is not null)
            fields["scope"] = scope;
        return anonymous.PostAsync(TokenPath, new FormUrlEncodedContent(fields));
    }

    /// <summary>A caller holding a token of the partner client, got through the token endpoint.</summary>
    public static async Task<HttpClient> SignInAsync(StudioApiFactory app, PartnerClientBody client, string? scope = null)
    {
        var anonymous = app.CreateClient();
        var token = await (await RequestTokenAsync(anonymous, client.ClientId, client.ClientSecret!, scope)).ShouldBeAsync<TokenBody>(HttpStatusCode.OK);
        var caller = app.CreateClient();
        caller.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.access_token);
        return caller;
    }
}

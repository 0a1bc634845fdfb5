using System.Net;
using StudioApi.Tests.Features.Imaging.RenderRuns;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using StudioApi.Platform.Auth;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Tests.Infrastructure;
using StudioApi.Tests.Platform.Http;
using Xunit.Abstractions;
using static StudioApi.Tests.Features.Schools.PartnerKit;

namespace StudioApi.Tests.Features.Schools;

/// <summary>
/// Every operation of the contract the app serves, called by every kind of caller: anonymous (401 unless public), each
/// staff role (admitted or 403 as the operation's x-roles say), a partner of school A on A's records (answered) and on
/// B's (404, and nothing of B's in any answer), and a partner of A lacking the operation's scope (403). Every operation
/// that does not admit partners refuses them (403) whatever record it names. An operation added to the contract is
/// in the matrix without anyone writing a test for it; a partner operation must name its scope in its description.
/// </summary>
public sealed partial class PartnerAccessMatrixTests(StudioApiFactory app, ITestOutputHelper output) : IClassFixture<StudioApiFactory>
{
    [Fact]
    public async Task Every_operation_answers_each_caller_as_its_roles_scopes_and_organizations_say()
    {
        var anonymous = app.CreateClient();
        var document = JsonNode.Parse(await anonymous.GetStringAsync(OpenApiSetup.DocumentPath))!.AsObject();
        var contract = new FuzzContract(document);
        var admin = await app.AdminAsync();
        var schoolA = await CreateSchoolAsync(app, admin, "Alpha Academy", "Amberley");
        var schoolB = await CreateSchoolAsync(app, admin, "Beta Secret School", "Secretborough");
        schoolA = schoolA with { RosterImportId = await DryImportAsync(admin, schoolA), YearbookPackageId = await YearbookPackageAsync(admin, schoolA) };
        schoolB = schoolB with { RosterImportId = await DryImportAsync(admin, schoolB), YearbookPackageId = await YearbookPackageAsync(admin, schoolB) };
        var partnerA = await SignInAsync(app, await CreateClientAsync(admin, [schoolA.OrganizationId], [.. AllScopes]));
        var staff = new Dictionary<string, HttpClient>();
        foreach (var role in Enum.GetValues<UserRole>())
            staff[role.ToClaim()] = await app.AsRoleAsync(role);
        // One client per scope a partner operation needs, holding every scope but that one.
        var lacking = new Dictionary<string, HttpClient>();
        foreach (var scope in AllScopes)
            lacking[scope] = await SignInAsync(app, await CreateClientAsync(admin, [schoolA.OrganizationId], [.. AllScopes.Where(s => s != scope)]));

        var unexpected = new List<string>();
        var partnerOperations = 0;
        // The partners first: the staff pass below may change or delete the schools' records.
        foreach (var operation in contract.Operations.Where(o => !o.IsPublic))
        {
            var roles = Roles(document, operation);
            var pathA = Fill(operation, schoolA);
            var pathB = Fill(operation, schoolB);

            if (!roles.Contains(StudioApi.Platform.Auth.Roles.Partner))
            {
                // Not the partner's: refused before any record is looked at, A's or B's.
                foreach (var path in new[] { pathA, pathB })
                    if ((await SendAsync(partnerA, operation, path)).Status != HttpStatusCode.Forbidden)
                        unexpected.Add($"{operation.Id} did not refuse a partner (403) at {path}");
                continue;
            }

            partnerOperations++;
            var scope = ScopeOf(document, operation);
            if (scope is null)
            {
                unexpected.Add($"{operation.Id} admits partners but its description names no scope (\"Scope x:y.\")");
                continue;
            }
            // A read of its own records answers them; a write gets past who-may-call to the request itself (the matrix's
            // bodies are empty, so a 400 is fine; a 401, 403 or 404 is not).
            var own = await SendAsync(partnerA, operation, pathA);
            if (operation.Method == "GET" ? (int)own.Status is < 200 or > 299 : own.Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
                unexpected.Add($"{operation.Id} refused partner A its own records at {pathA}: {(int)own.Status} {own.Text}");
            if (own.Text.Contains("Secret", StringComparison.Ordinal))
                unexpected.Add($"{operation.Id} showed partner A something of school B at {pathA}: {own.Text}");
            if (pathB != pathA)
            {
                var other = await SendAsync(partnerA, operation, pathB);
                if (other.Status != HttpStatusCode.NotFound)
                    unexpected.Add($"{operation.Id} answered partner A {(int)other.Status}, not 404, for school B's record at {pathB}");
            }
            var withoutScope = await SendAsync(lacking[scope], operation, pathA);
            if (withoutScope.Status != HttpStatusCode.Forbidden)
                unexpected.Add($"{operation.Id} answered a partner without {scope} {(int)withoutScope.Status}, not 403");
        }

        foreach (var operation in contract.Operations)
        {
            var roles = Roles(document, operation);
            var pathA = Fill(operation, schoolA);
            var answer = await SendAsync(anonymous, operation, pathA);
            if (!operation.IsPublic && answer.Status != HttpStatusCode.Unauthorized)
                unexpected.Add($"{operation.Id} answered anonymous {(int)answer.Status}, not 401");
            if (operation.IsPublic)
                continue;
            foreach (var (role, caller) in staff)
            {
                var staffAnswer = await SendAsync(caller, operation, pathA);
                var admitted = roles.Contains(role);
                if (admitted && staffAnswer.Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                    unexpected.Add($"{operation.Id} refused {role} ({(int)staffAnswer.Status}) though its roles are [{string.Join(", ", roles)}]");
                if (!admitted && staffAnswer.Status != HttpStatusCode.Forbidden)
                    unexpected.Add($"{operation.Id} answered {role} {(int)staffAnswer.Status}, not 403");
            }
        }

        output.WriteLine($"{contract.Operations.Count} operations, {partnerOperations} of them a partner's.");
        partnerOperations.ShouldBeGreaterThan(0);
        unexpected.ShouldBeEmpty();
    }

    /// <summary>The school's yearbook package, made from its student's portrait and finished.</summary>
    static async Task<long> YearbookPackageAsync(HttpClient admin, School school)
    {
        (await admin.SelectAsync(school.SessionId, school.ImageId)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var started = await admin.PostAsJsonAsync($"/api/v1/organizations/{school.OrganizationId}/yearbook-packages", new { });
        var id = (await started.ShouldBeAsync<System.Text.Json.JsonElement>(HttpStatusCode.Accepted)).GetProperty("id").GetInt64();
        (await admin.WhenFinishedAsync(id)).State.ShouldBe("completed");
        return id;
    }

    static async Task<long> DryImportAsync(HttpClient admin, School school)
    {
        var zip = OneRosterKit.Zip(
            ("manifest.csv", OneRosterKit.Manifest("1.1", "bulk", "orgs", "users")),
            ("orgs.csv", $"{OneRosterKit.OrgsHeader}\nschool-1,,,The School,school,X,\n"),
            ("users.csv", $"{OneRosterKit.Users11Header}\nstu-1,,,true,school-1,student,u,,Ada,Lovelace,,A1,,,,,05,\n"));
        var response = await admin.PostAsync($"/api/v1/organizations/{school.OrganizationId}/roster-imports?dryRun=true", OneRosterKit.Form(zip));
        return (await response.ShouldBeAsync<System.Text.Json.JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetInt64();
    }

    static readonly string[] AllScopes = ["roster:read", "roster:write", "sessions:read", "images:read", "yearbook:read", "yearbook:write"];

    static HashSet<string> Roles(JsonObject document, FuzzOperation operation) =>
        (Raw(document, operation)["x-roles"]?.AsArray() ?? []).Select(r => r!.GetValue<string>()).ToHashSet();

    static string? ScopeOf(JsonObject document, FuzzOperation operation) =>
        Raw(document, operation)["description"]?.GetValue<string>() is { } description && ScopeSentence().Match(description) is { Success: true } match
            ? match.Groups[1].Value
            : null;

    static JsonObject Raw(JsonObject document, FuzzOperation operation) =>
        document["paths"]![operation.Path]![operation.Method.ToLowerInvariant()]!.AsObject();

    /// <summary>The path with the school's record of the collection named before each parameter, or 1.</summary>
    static string Fill(FuzzOperation operation, School school) =>
        PathParameter().Replace(operation.Path, match =>
        {
            var before = operation.Path[..match.Index].TrimEnd('/');
            var collection = before[(before.LastIndexOf('/') + 1)..];
            return collection switch
            {
                "organizations" => school.OrganizationId.ToString(),
                "students" or "clients" => school.StudentId.ToString(),
                "sessions" => school.SessionId.ToString(),
                "images" => school.ImageId.ToString(),
                "roster-imports" => school.RosterImportId.ToString(),
                "yearbook-packages" => school.YearbookPackageId.ToString(),
                _ => "1",
            };
        });

    static async Task<(HttpStatusCode Status, string Text)> SendAsync(HttpClient caller, FuzzOperation operation, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(operation.Method), path);
        if (operation.Body is { } body)
            request.Content = body.MediaType switch
            {
                "multipart/form-data" => new MultipartFormDataContent { { new StringContent("none"), "note" } },
                "application/json" => new StringContent("{}", Encoding.UTF8, "application/json"),
                var other => new StringContent("", Encoding.UTF8, other),
            };
        using var response = await caller.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex PathParameter();

    [GeneratedRegex(@"Scope ([a-z]+:[a-z]+)\.")]
    private static partial Regex ScopeSentence();
}

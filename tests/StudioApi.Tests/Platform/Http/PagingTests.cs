using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Tests.Features.Clients.Organizations;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Platform.Http;

/// <summary>Cursor paging, shown on organizations: every list uses the same KeysetPaging.</summary>
public sealed class PagingTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    [Theory]
    [InlineData("name")]
    [InlineData("-name")]
    [InlineData("createdAt")]
    public async Task Pages_neither_skip_nor_repeat_records_while_records_are_being_added(string sort)
    {
        var admin = await app.AdminAsync();
        var prefix = $"P{sort.Trim('-')[..2]}{(sort.StartsWith('-') ? "d" : "a")}";
        var originals = new List<string>();
        // Names that tie (two of each) exercise the id tie-breaker.
        for (var i = 0; i < 24; i++)
        {
            var name = $"{prefix} {i / 2:00}";
            var created = await (await admin.PostAsJsonAsync("/api/v1/organizations", OrganizationRequests.New(name, $"{prefix}-{i}")))
                .ShouldBeAsync<OrganizationBody>(HttpStatusCode.Created);
            originals.Add(created.Code);
        }

        var seen = new List<string>();
        string? cursor = null;
        var extra = 0;
        do
        {
            var url = $"/api/v1/organizations?q={prefix}&limit=5&sort={sort}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            var page = await (await admin.GetAsync(url)).ShouldBeAsync<OrganizationPage>(HttpStatusCode.OK);
            page.Items.Count.ShouldBeLessThanOrEqualTo(5);
            seen.AddRange(page.Items.Select(o => o.Code));
            cursor = page.NextCursor;

            // Someone adds records at both ends of the order between our page requests.
            (await admin.PostAsJsonAsync("/api/v1/organizations", OrganizationRequests.New($"{prefix} 00", $"{prefix}-x{extra++}"))).EnsureSuccessStatusCode();
            (await admin.PostAsJsonAsync("/api/v1/organizations", OrganizationRequests.New($"{prefix} 99", $"{prefix}-x{extra++}"))).EnsureSuccessStatusCode();
        } while (cursor is not null);

        seen.ShouldBeUnique();
        foreach (var code in originals)
            seen.ShouldContain(code);
    }

    [Fact]
    public async Task An_unknown_sort_key_or_a_limit_out_of_range_is_a_validation_problem()
    {
        var admin = await app.AdminAsync();

        var problem = await (await admin.GetAsync("/api/v1/organizations?sort=password&limit=1000")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.FieldErrors().ShouldBe(["sort", "limit"], ignoreOrder: true);
    }

    [Fact]
    public async Task Every_sort_value_the_contract_offers_is_accepted_and_no_other()
    {
        var admin = await app.AdminAsync();
        var document = JsonDocument.Parse(await app.CreateClient().GetStringAsync(OpenApiSetup.DocumentPath)).RootElement;
        var sort = document.GetProperty("components").GetProperty("schemas").GetProperty("ListOrganizationsSort");
        var values = sort.GetProperty("enum").EnumerateArray().Select(v => v.GetString()!).ToList();

        values.ShouldBe(["name", "-name", "code", "-code", "createdAt", "-createdAt", "updatedAt", "-updatedAt"]);
        sort.GetProperty("default").GetString().ShouldBe("name");
        foreach (var value in values)
            (await admin.GetAsync($"/api/v1/organizations?sort={value}")).StatusCode.ShouldBe(HttpStatusCode.OK, value);
        foreach (var value in new[] { "--name", "name-", "-", " name" })
        {
            var problem = await (await admin.GetAsync($"/api/v1/organizations?sort={Uri.EscapeDataString(value)}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
            problem.FieldErrors().ShouldBe(["sort"], customMessage: value);
        }
    }

    [Fact]
    public async Task A_garbled_cursor_is_a_bad_request()
    {
        var admin = await app.AdminAsync();

        await (await admin.GetAsync("/api/v1/organizations?cursor=not-a-cursor")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }
}

using System.Net;
using System.Net.Http.Json;
using StudioApi.Tests.Features.Clients.Organizations;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Platform.Http;

/// <summary>Optimistic concurrency, shown on organizations: every update and delete goes through Versioning.MatchVersion.</summary>
public sealed class ConcurrencyTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    [Fact]
    public async Task Of_several_simultaneous_edits_made_from_one_version_exactly_one_wins_and_the_rest_get_412()
    {
        var admin = await app.AdminAsync();
        var created = await (await admin.PostAsJsonAsync("/api/v1/organizations", OrganizationRequests.New("Race Edit", "RACE-EDIT")))
            .ShouldBeAsync<OrganizationBody>(HttpStatusCode.Created);
        var url = $"/api/v1/organizations/{created.Id}";

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, url, OrganizationRequests.New($"Editor {i}", "RACE-EDIT")).WithIfMatch("\"1\""))));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.PreconditionFailed).ShouldBe(7);
        var winner = await responses.Single(r => r.StatusCode == HttpStatusCode.OK).Content.ReadFromJsonAsync<OrganizationBody>();
        var stored = await (await admin.GetAsync(url)).ShouldBeAsync<OrganizationBody>(HttpStatusCode.OK);
        stored.Name.ShouldBe(winner!.Name);
        stored.Version.ShouldBe(2);
    }

    [Fact]
    public async Task An_if_match_that_is_not_an_etag_is_a_bad_request()
    {
        var admin = await app.AdminAsync();
        var created = await (await admin.PostAsJsonAsync("/api/v1/organizations", OrganizationRequests.New("Etag School", "ETAG")))
            .ShouldBeAsync<OrganizationBody>(HttpStatusCode.Created);

        var response = await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, $"/api/v1/organizations/{created.Id}",
            OrganizationRequests.New("Etag School", "ETAG")).WithIfMatch("yesterday"));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }
}

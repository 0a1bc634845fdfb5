using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using StudioApi.Tests.Infrastructure;
using StudioApi.Features.Clients;

namespace StudioApi.Tests.Features.Clients.Clients;

public sealed class ClientNumberTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    [Fact]
    public async Task Each_new_client_gets_the_number_after_the_highest_one_so_far()
    {
        var admin = await app.AdminAsync();

        var first = await admin.CreateAsync(ClientRequests.Consumer("Ann", "First"));
        var second = await admin.CreateAsync(ClientRequests.Consumer("Ben", "Second"));
        var wanted = await HighestNumberAsync() + 1000;
        var chosen = await admin.CreateAsync(ClientRequests.Consumer("Cy", "Chosen", number: wanted));
        var after = await admin.CreateAsync(ClientRequests.Consumer("Di", "After"));

        second.Number.ShouldBe(first.Number + 1);
        chosen.Number.ShouldBe(wanted);
        after.Number.ShouldBe(wanted + 1);
    }

    [Fact]
    public async Task A_number_another_client_already_has_is_a_conflict_naming_the_number()
    {
        var admin = await app.AdminAsync();
        var existing = await admin.CreateAsync(ClientRequests.Consumer("Eve", "Holder"));
        var before = await CountAsync();

        var duplicate = await admin.PostAsJsonAsync("/api/v1/clients", ClientRequests.Consumer("Fay", "Taker", number: existing.Number));

        var problem = await duplicate.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldContain(existing.Number.ToString());
        (await CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Thirty_clients_created_at_once_get_thirty_distinct_numbers()
    {
        var admin = await app.AdminAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 30)
            .Select(i => admin.PostAsJsonAsync("/api/v1/clients", ClientRequests.Consumer($"Rush{i}", "Parallel"))));

        var created = new List<ClientBody>();
        foreach (var response in responses)
            created.Add(await response.ShouldBeAsync<ClientBody>(HttpStatusCode.Created));
        created.Select(c => c.Number).Distinct().Count().ShouldBe(30);
        (await admin.SearchAsync("q=Parallel&limit=100")).Items.Count.ShouldBe(30);
    }

    [Fact]
    public async Task A_number_can_be_changed_to_a_free_one_but_not_to_one_in_use()
    {
        var admin = await app.AdminAsync();
        var mover = await admin.CreateAsync(ClientRequests.Consumer("Gil", "Mover"));
        var holder = await admin.CreateAsync(ClientRequests.Consumer("Hal", "Holder"));
        var url = $"/api/v1/clients/{mover.Id}";

        var taken = await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, url,
            ClientRequests.Consumer("Gil", "Mover", number: holder.Number)).WithIfMatch("\"1\""));
        (await taken.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain(holder.Number.ToString());

        var free = await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, url,
            ClientRequests.Consumer("Gil", "Mover", number: 90_000)).WithIfMatch("\"1\""));
        (await free.ShouldBeAsync<ClientBody>(HttpStatusCode.OK)).Number.ShouldBe(90_000);
    }

    [Fact]
    public async Task A_deleted_clients_number_is_not_handed_out_again_and_it_cannot_be_restored_once_someone_took_it()
    {
        var admin = await app.AdminAsync();
        var number = await HighestNumberAsync() + 1000;
        var binned = await admin.CreateAsync(ClientRequests.Consumer("Ida", "Binned", number: number));
        (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/clients/{binned.Id}").WithIfMatch("\"1\"")))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var next = await admin.CreateAsync(ClientRequests.Consumer("Jo", "Next"));
        next.Number.ShouldBe(number + 1);

        // Chosen on purpose, the number is free: only live clients hold numbers.
        var taker = await admin.CreateAsync(ClientRequests.Consumer("Kim", "Taker", number: number));
        taker.Number.ShouldBe(number);

        var restore = await admin.PostAsync($"/api/v1/clients/{binned.Id}/restore", null);
        (await restore.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain(number.ToString());
        (await admin.GetAsync($"/api/v1/clients/{binned.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_retried_create_with_the_same_idempotency_key_makes_one_client()
    {
        var admin = await app.AdminAsync();
        var body = ClientRequests.Consumer("Lou", "Retry");

        HttpRequestMessage Post()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/clients") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", "client-retry");
            return request;
        }

        var first = await (await admin.SendAsync(Post())).ShouldBeAsync<ClientBody>(HttpStatusCode.Created);
        var second = await (await admin.SendAsync(Post())).ShouldBeAsync<ClientBody>(HttpStatusCode.Created);

        second.Id.ShouldBe(first.Id);
        second.Number.ShouldBe(first.Number);
        (await admin.SearchAsync("q=Retry")).Items.ShouldHaveSingleItem();
    }

    /// <summary>The highest number any client has had, the recycle bin included (other tests of this class add clients too).</summary>
    async Task<int> HighestNumberAsync() =>
        await app.WithDbAsync(db => db.Clients.IgnoreQueryFilters().MaxAsync(c => (int?)c.Number)) ?? 0;

    Task<int> CountAsync() => app.WithDbAsync(db => Task.FromResult(db.Clients.Count()));
}

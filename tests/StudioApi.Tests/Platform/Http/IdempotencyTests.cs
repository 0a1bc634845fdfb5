using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudioApi.Platform.Background;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Tests.Features.Clients.Organizations;
using StudioApi.Tests.Infrastructure;
using StudioApi.Features.Clients;

namespace StudioApi.Tests.Platform.Http;

/// <summary>Idempotency-Key, shown on creating organizations: every creating POST uses the same middleware.</summary>
public sealed class IdempotencyTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    [Fact]
    public async Task A_retry_with_the_same_key_and_body_replays_the_first_response_and_creates_nothing_new()
    {
        var admin = await app.AdminAsync();
        var body = OrganizationRequests.New("Retry School", "RETRY");

        var first = await admin.SendAsync(Post(body, "key-replay"));
        var firstBody = await first.ShouldBeAsync<OrganizationBody>(HttpStatusCode.Created);
        var second = await admin.SendAsync(Post(body, "key-replay"));
        var secondBody = await second.ShouldBeAsync<OrganizationBody>(HttpStatusCode.Created);

        secondBody.Id.ShouldBe(firstBody.Id);
        second.Headers.Location.ShouldBe(first.Headers.Location);
        second.Headers.GetValues("Idempotent-Replayed").Single().ShouldBe("true");
        (await app.WithDbAsync(db => Task.FromResult(db.Organizations.Count(o => o.Code == "RETRY")))).ShouldBe(1);
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_refused_and_changes_nothing()
    {
        var admin = await app.AdminAsync();
        (await admin.SendAsync(Post(OrganizationRequests.New("Key School", "KEY1"), "key-reuse"))).EnsureSuccessStatusCode();

        var reused = await admin.SendAsync(Post(OrganizationRequests.New("Key School 2", "KEY2"), "key-reuse"));

        await reused.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        (await app.WithDbAsync(db => Task.FromResult(db.Organizations.Count(o => o.Code == "KEY2")))).ShouldBe(0);
    }

    [Fact]
    public async Task The_same_key_while_the_first_request_is_still_running_is_a_conflict()
    {
        var admin = await app.AdminAsync();
        var body = OrganizationRequests.New("Slow School", "SLOW");
        var request = Post(body, "key-in-flight");
        var bytes = await request.Content!.ReadAsByteArrayAsync();
        // The first request has claimed the key and not finished (as if it were still writing).
        await app.WithDbAsync(async db =>
        {
            db.IdempotencyRecords.Add(new IdempotencyRecord
            {
                Scope = $"1 /api/v1/organizations",
                Key = "key-in-flight",
                RequestHash = IdempotencyMiddleware.Fingerprint("POST", "/api/v1/organizations", bytes),
                CreatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        });

        var second = await admin.SendAsync(request);

        await second.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        second.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBe(1, "a request that just started: retry in a moment");
        (await app.WithDbAsync(db => Task.FromResult(db.Organizations.Count(o => o.Code == "SLOW")))).ShouldBe(0);
    }

    [Fact]
    public async Task A_claim_whose_request_died_says_when_to_retry_and_is_taken_over_after_the_configured_time()
    {
        var admin = await app.AdminAsync();
        var body = OrganizationRequests.New("Crashed School", "CRASH");
        var bytes = await Post(body, "key-crashed").Content!.ReadAsByteArrayAsync();
        // A server took the key 100 seconds ago and died before it answered: its claim is still there, never completed.
        await app.WithDbAsync(async db =>
        {
            db.IdempotencyRecords.Add(new IdempotencyRecord
            {
                Scope = "1 /api/v1/organizations",
                Key = "key-crashed",
                RequestHash = IdempotencyMiddleware.Fingerprint("POST", "/api/v1/organizations", bytes),
                CreatedAt = DateTime.UtcNow.AddSeconds(-100),
            });
            await db.SaveChangesAsync();
        });

        var blocked = await admin.SendAsync(Post(body, "key-crashed"));

        await blocked.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        // Takeover after 120 seconds (Idempotency:TakeoverSeconds): wait out the 20 left, not a fixed moment.
        blocked.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeInRange(19, 21);

        await app.WithDbAsync(db => db.IdempotencyRecords.Where(r => r.Key == "key-crashed")
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.CreatedAt, DateTime.UtcNow.AddSeconds(-121))));
        var retried = await admin.SendAsync(Post(body, "key-crashed"));

        retried.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await app.WithDbAsync(db => Task.FromResult(db.Organizations.Count(o => o.Code == "CRASH")))).ShouldBe(1);
    }

    [Fact]
    public async Task A_restarted_server_releases_the_claims_it_left_unfinished_so_a_retry_runs_at_once()
    {
        var admin = await app.AdminAsync();
        var body = OrganizationRequests.New("Restarted School", "RESTART");
        var bytes = await Post(body, "key-restarted").Content!.ReadAsByteArrayAsync();
        var thisServer = app.Services.GetRequiredService<BackgroundInstance>().Id;
        // This very server claimed the key 5 seconds ago and died before it answered.
        await ClaimAsync("key-restarted", bytes, DateTime.UtcNow.AddSeconds(-5), owner: thisServer);
        var blocked = await admin.SendAsync(Post(body, "key-restarted"));
        await blocked.ShouldBeProblemAsync(HttpStatusCode.Conflict);

        // It starts again (same data directory, so the same instance id) and lets go of what it held at once.
        using var restarted = app.WithWebHostBuilder(_ => { });
        var retried = await SignedInLike(admin, restarted).SendAsync(Post(body, "key-restarted"));

        retried.StatusCode.ShouldBe(HttpStatusCode.Created, "no wait for Idempotency:TakeoverSeconds");
        (await app.WithDbAsync(db => Task.FromResult(db.Organizations.Count(o => o.Code == "RESTART")))).ShouldBe(1);
    }

    [Fact]
    public async Task A_restarted_server_leaves_another_servers_unfinished_claim_until_the_takeover_time()
    {
        var admin = await app.AdminAsync();
        var body = OrganizationRequests.New("Other Server School", "OTHER");
        var bytes = await Post(body, "key-other-server").Content!.ReadAsByteArrayAsync();
        var claimedAt = DateTime.UtcNow.AddSeconds(-5);
        await ClaimAsync("key-other-server", bytes, claimedAt, owner: "another-server-0123456789ab");

        using var restarted = app.WithWebHostBuilder(_ => { });
        var blocked = await SignedInLike(admin, restarted).SendAsync(Post(body, "key-other-server"));
        var age = (DateTime.UtcNow - claimedAt).TotalSeconds;

        await blocked.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        // That server may still be running the request: the claim stands until 120 seconds after it was made, and the
        // wait offered is as long as the request has run so far (5 seconds plus however long the restart took).
        blocked.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeInRange(4, age + 1);
        (await app.WithDbAsync(db => db.IdempotencyRecords.CountAsync(r => r.Key == "key-other-server"))).ShouldBe(1);
        (await app.WithDbAsync(db => Task.FromResult(db.Organizations.Count(o => o.Code == "OTHER")))).ShouldBe(0);
    }

    [Fact]
    public async Task A_refused_request_releases_its_key_so_a_corrected_retry_goes_through()
    {
        var admin = await app.AdminAsync();

        var invalid = await admin.SendAsync(Post(new { name = "", code = "FIX" }, "key-fix"));
        await invalid.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var corrected = await admin.SendAsync(Post(OrganizationRequests.New("Fixed School", "FIX"), "key-fix"));

        corrected.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Two_simultaneous_requests_with_one_key_create_one_record()
    {
        var admin = await app.AdminAsync();
        var body = OrganizationRequests.New("Race School", "RACE");

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => admin.SendAsync(Post(body, "key-race"))));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created || r.StatusCode == HttpStatusCode.Conflict);
        responses.ShouldContain(r => r.StatusCode == HttpStatusCode.Created);
        (await app.WithDbAsync(db => Task.FromResult(db.Organizations.Count(o => o.Code == "RACE")))).ShouldBe(1);
    }

    [Fact]
    public async Task A_key_older_than_a_day_is_forgotten_so_the_same_key_creates_again()
    {
        var admin = await app.AdminAsync();
        (await admin.SendAsync(Post(OrganizationRequests.New("Old School", "OLD1"), "key-old"))).EnsureSuccessStatusCode();
        await app.WithDbAsync(db => db.IdempotencyRecords.Where(r => r.Key == "key-old")
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.CreatedAt, DateTime.UtcNow.AddHours(-25))));

        var swept = await app.Services.GetRequiredService<IdempotencyRetention>().SweepAsync(CancellationToken.None);
        var again = await admin.SendAsync(Post(OrganizationRequests.New("Old School 2", "OLD2"), "key-old"));

        swept.ShouldBeGreaterThanOrEqualTo(1);
        again.StatusCode.ShouldBe(HttpStatusCode.Created);
        again.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
    }

    [Fact]
    public async Task A_blank_key_counts_as_no_key_so_each_request_creates_its_own_record()
    {
        // Generated clients (NSwag's fetch client) send the header empty when the caller gives no key.
        var admin = await app.AdminAsync();

        var first = await admin.SendAsync(Post(OrganizationRequests.New("Blank Key A", "BLANK-A"), ""));
        var second = await admin.SendAsync(Post(OrganizationRequests.New("Blank Key B", "BLANK-B"), ""));

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        second.StatusCode.ShouldBe(HttpStatusCode.Created);
        second.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        (await app.WithDbAsync(db => Task.FromResult(db.Organizations.Count(o => o.Code.StartsWith("BLANK-"))))).ShouldBe(2);
    }

    Task ClaimAsync(string key, byte[] body, DateTime createdAt, string owner) => app.WithDbAsync(async db =>
    {
        db.IdempotencyRecords.Add(new IdempotencyRecord
        {
            Scope = "1 /api/v1/organizations",
            Key = key,
            RequestHash = IdempotencyMiddleware.Fingerprint("POST", "/api/v1/organizations", body),
            CreatedAt = createdAt,
            Owner = owner,
        });
        await db.SaveChangesAsync();
    });

    /// <summary>A client of another host of the app with the same token (same database, same signing key).</summary>
    static HttpClient SignedInLike(HttpClient signedIn, WebApplicationFactory<Program> host)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = signedIn.DefaultRequestHeaders.Authorization;
        return client;
    }

    static HttpRequestMessage Post(object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/organizations")
        {
            Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return request;
    }
}

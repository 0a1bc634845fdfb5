using System.Net;
using System.Net.Http.Json;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Platform.Http;

public sealed class RateLimitTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    [Fact]
    public async Task Sign_in_attempts_beyond_the_budget_get_429_with_retry_after_and_are_not_processed()
    {
        using var limited = app.WithWebHostBuilder(b => b.UseSetting("RateLimits:SignInPerMinute", "3"));
        var http = limited.CreateClient();

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
            answers.Add(await http.PostAsJsonAsync("/api/v1/auth/token", new { username = "admin", password = "wrong password" }));

        answers.Take(3).ShouldAllBe(a => a.StatusCode == HttpStatusCode.Unauthorized);
        var throttled = answers[3];
        await throttled.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        int.Parse(throttled.Headers.GetValues("Retry-After").Single()).ShouldBeInRange(1, 60);
        // The throttled attempt never reached the password check: only three failures were counted.
        var failures = await app.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Username == "admin").FailedLoginCount));
        failures.ShouldBe(3);
    }

    [Fact]
    public async Task A_signed_in_caller_beyond_the_overall_budget_gets_429()
    {
        using var limited = app.WithWebHostBuilder(b => b.UseSetting("RateLimits:RequestsPerMinute", "5"));
        var admin = limited.CreateClient();
        var token = await (await admin.PostAsJsonAsync("/api/v1/auth/token", new { username = "admin", password = StudioApiFactory.AdminPassword }))
            .Content.ReadFromJsonAsync<TokenBody>();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", token!.AccessToken);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
            statuses.Add((await admin.GetAsync("/api/v1/organizations")).StatusCode);

        // The anonymous sign-in counted against the address, not the user: the user has five requests.
        statuses.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests]);
    }

    sealed record TokenBody(string AccessToken);
}

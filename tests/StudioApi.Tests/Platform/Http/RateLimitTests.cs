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

    [Fact]
    public async Task Every_answer_says_the_budget_and_what_is_left_of_it_so_a_client_can_slow_down_before_a_429()
    {
        using var limited = app.WithWebHostBuilder(b => b
            .UseSetting("RateLimits:RequestsPerMinute", "50")
            .UseSetting("RateLimits:SignInPerMinute", "7"));
        var http = limited.CreateClient();

        var signIn = await http.PostAsJsonAsync("/api/v1/auth/token", new { username = "admin", password = StudioApiFactory.AdminPassword });
        var token = await signIn.Content.ReadFromJsonAsync<TokenBody>();
        http.DefaultRequestHeaders.Authorization = new("Bearer", token!.AccessToken);
        var first = await http.GetAsync("/api/v1/organizations");
        var second = await http.GetAsync("/api/v1/organizations");
        var missing = await http.GetAsync("/api/v1/organizations/999999");

        // Sign-in drew on the anonymous address's overall budget and on the sign-in one: both are listed.
        Fields(signIn, "RateLimit-Policy").ShouldBe(["\"caller\";q=50;w=60", "\"sign-in\";q=7;w=60"]);
        var signInState = Parse(signIn);
        signInState["sign-in"].R.ShouldBe(6);
        // The signed-in user has a budget of their own, counted down request by request, errors included.
        Fields(first, "RateLimit-Policy").ShouldBe(["\"caller\";q=50;w=60"]);
        Parse(first)["caller"].R.ShouldBe(49);
        Parse(second)["caller"].R.ShouldBe(48);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        Parse(missing)["caller"].R.ShouldBe(47);
        Parse(second)["caller"].T.ShouldBeInRange(1, 60);
    }

    [Fact]
    public async Task A_throttled_answer_shows_the_spent_budget_and_when_it_renews()
    {
        using var limited = app.WithWebHostBuilder(b => b.UseSetting("RateLimits:SignInPerMinute", "1"));
        var http = limited.CreateClient();

        await http.PostAsJsonAsync("/api/v1/auth/token", new { username = "nobody", password = "wrong password" });
        var throttled = await http.PostAsJsonAsync("/api/v1/auth/token", new { username = "nobody", password = "wrong password" });

        throttled.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var state = Parse(throttled)["sign-in"];
        state.R.ShouldBe(0);
        int.Parse(throttled.Headers.GetValues("Retry-After").Single()).ShouldBe(state.T);
    }

    static string[] Fields(HttpResponseMessage response, string header) =>
        string.Join(",", response.Headers.GetValues(header)).Split(',', StringSplitOptions.TrimEntries);

    /// <summary>The RateLimit field's items by policy name: r (left) and t (seconds until the window starts over).</summary>
    static Dictionary<string, (int R, int T)> Parse(HttpResponseMessage response) =>
        Fields(response, "RateLimit").Select(item => item.Split(';')).ToDictionary(
            parts => parts[0].Trim('"'),
            parts =>
            {
                var values = parts.Skip(1).Select(p => p.Split('=')).ToDictionary(kv => kv[0], kv => int.Parse(kv[1]));
                return (values["r"], values["t"]);
            });

    sealed record TokenBody(string AccessToken);
}

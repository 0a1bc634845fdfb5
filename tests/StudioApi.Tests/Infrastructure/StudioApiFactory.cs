using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using StudioApi.Platform.Auth;
using StudioApi.Platform.Persistence;
using StudioApi.Seeding;

namespace StudioApi.Tests.Infrastructure;

/// <summary>
/// The real app on a temporary SQLite file of its own, migrated with the real migrations: one per test class
/// (IClassFixture). No demo data, so tests see only what they create; the admin password is known.
/// </summary>
public sealed class StudioApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminPassword = "admin-test-password";
    public const string UserPassword = "user-test-password";

    readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "studioapi-tests", Guid.NewGuid().ToString("N"));

    public string DataDirectory => dataDirectory;

    /// <summary>Settings over the ones below, for a fixture that needs others; set before the app is first used.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(dataDirectory);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:DataDirectory", dataDirectory);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(dataDirectory, "studio.db")};Default Timeout=30");
        builder.UseSetting("Seed:DemoData", "false");
        builder.UseSetting("Admin:Username", "admin");
        builder.UseSetting("Admin:Password", AdminPassword);
        builder.UseSetting("Auth:SigningKey", Convert.ToBase64String(new byte[48].Select((_, i) => (byte)(i * 7 + 3)).ToArray()));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Scheduled jobs (Quartz) do not run in tests: tests call the jobs' services directly, on the fake clock where needed.
        builder.UseSetting("Jobs:Enabled", "false");
        // Tests sign in and call far more often than a person; RateLimitTests lowers these to see them bite.
        builder.UseSetting("RateLimits:RequestsPerMinute", "100000");
        builder.UseSetting("RateLimits:SignInPerMinute", "100000");
        builder.UseSetting("RateLimits:OnlineBookingPerMinute", "100000");
        // Background work is woken when there is some; the poll only finds what nobody signalled (work left by a stopped
        // server, render-job changes) and sets the grace at start, during which the database is being migrated here.
        builder.UseSetting("Background:Renditions:PollSeconds", "0.5");
        builder.UseSetting("Background:RenderRuns:PollSeconds", "0.5");
        builder.UseSetting("Background:RenderJobs:PollSeconds", "0.5");
        builder.UseSetting("Background:StorageReconciliations:PollSeconds", "0.5");
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
    }

    public async Task InitializeAsync()
    {
        // WebApplicationFactory stops the real Main before it migrates and seeds: do the same steps here.
        await DatabaseStartup.MigrateAsync(Services);
        await StudioSeeding.SeedAsync(Services);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
    }

    /// <summary>Runs something against the app's database directly: to arrange state or to check what was stored.</summary>
    public async Task<T> WithDbAsync<T>(Func<StudioDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<StudioDbContext>());
    }

    public Task WithDbAsync(Func<StudioDbContext, Task> work) => WithDbAsync(async db => { await work(db); return true; });

    /// <summary>An HttpClient signed in as the seeded admin.</summary>
    public Task<HttpClient> AdminAsync() => SignedInAsync("admin", AdminPassword);

    /// <summary>An HttpClient signed in as a new user of the given role (created directly in the database).</summary>
    public async Task<HttpClient> AsRoleAsync(UserRole role)
    {
        var username = $"{role.ToClaim()}-{Guid.NewGuid():N}"[..24];
        await CreateUserAsync(username, role);
        return await SignedInAsync(username, UserPassword);
    }

    public async Task<User> CreateUserAsync(string username, UserRole role, string password = UserPassword)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
        var user = new User { Username = username.ToLowerInvariant(), DisplayName = username, Role = role };
        user.PasswordHash = scope.ServiceProvider.GetRequiredService<IPasswordHasher<User>>().HashPassword(user, password);
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user;
    }

    public async Task<HttpClient> SignedInAsync(string username, string password)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenBody>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    sealed record TokenBody(string AccessToken, string RefreshToken);
}

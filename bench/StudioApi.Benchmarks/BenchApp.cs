using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using StudioApi.Platform.Persistence;
using StudioApi.Seeding;

namespace StudioApi.Benchmarks;

/// <summary>
/// The real app on a fresh SQLite file in a temp folder, migrated and seeded like at first start; <paramref name="settings"/>
/// override its configuration (a benchmark's variant).
/// </summary>
public sealed class BenchApp(IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<global::Program>
{
    public const string AdminPassword = "bench-admin-password";
    // The app needs no files from its project folder: boot it from the build output rather than searching for sources.
    static BenchApp() => Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_STUDIOAPI", AppContext.BaseDirectory);

    readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "studioapi-bench", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(dataDirectory);
        builder.UseEnvironment("Production");
        builder.UseSetting("Storage:DataDirectory", dataDirectory);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(dataDirectory, "studio.db")}");
        builder.UseSetting("Seed:DemoData", "false");
        builder.UseSetting("Admin:Username", "admin");
        builder.UseSetting("Admin:Password", AdminPassword);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("RateLimits:RequestsPerMinute", "1000000");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            builder.UseSetting(key, value);
    }

    public async Task StartAsync()
    {
        await DatabaseStartup.MigrateAsync(Services);
        await StudioSeeding.SeedAsync(Services);
    }

    public async Task<HttpClient> AdminAsync()
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "admin", password = AdminPassword });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenBody>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
    }

    sealed record TokenBody(string AccessToken);
}

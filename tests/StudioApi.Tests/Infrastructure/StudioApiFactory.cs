using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StudioApi.Platform.Auth;
using StudioApi.Platform.Persistence;

namespace StudioApi.Tests.Infrastructure;

/// <summary>
/// The real app on a temporary SQLite file of its own: one per test class (IClassFixture). The file starts as a copy of
/// <see cref="TemplateDatabase"/>, which the real migrations and the first-start seeding made once for the whole run.
/// No demo data, so tests see only what they create; the admin password is known.
/// </summary>
public sealed class StudioApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminPassword = "admin-test-password";
    public const string UserPassword = "user-test-password";

    /// <summary>
    /// One real admin sign-in serves every plain test app of the run: each starts from the same template (the same
    /// admin) and signs with the same key. Apps with test services (a fake clock) sign in on their own, as their
    /// tokens carry fake times.
    /// </summary>
    static readonly ReusedToken SharedAdmin = new();

    /// <summary><see cref="UserPassword"/> hashed once by the app's own hasher (PBKDF2 is slow by design).</summary>
    static string? userPasswordHash;

    /// <summary>
    /// Where test apps keep their files: in memory (/dev/shm) when the machine has room there, so SQLite's syncs to
    /// disk cost nothing; the temp folder otherwise.
    /// </summary>
    internal static readonly string FilesRoot = Path.Combine(
        Directory.Exists("/dev/shm") && new DriveInfo("/dev/shm").AvailableFreeSpace > 2L << 30 ? "/dev/shm" : Path.GetTempPath(),
        "studioapi-tests");

    readonly string dataDirectory = Path.Combine(FilesRoot, Guid.NewGuid().ToString("N"));
    readonly Action<IServiceCollection>? testServices;
    readonly bool fromTemplate = true;
    readonly ReusedToken ownAdmin = new();
    readonly ConcurrentDictionary<string, WebApplicationFactory<Program>> variants = new();

    public StudioApiFactory()
    {
    }

    /// <summary>An app with services of the tests' own replacing the app's (a fake clock, a recording handler).</summary>
    internal StudioApiFactory(Action<IServiceCollection> testServices) => this.testServices = testServices;

    /// <summary>The app that makes the template: it starts from no database at all.</summary>
    StudioApiFactory(bool fromTemplate) => this.fromTemplate = fromTemplate;

    internal static StudioApiFactory FromNothing() => new(fromTemplate: false);

    public string DataDirectory => dataDirectory;

    /// <summary>Settings over the ones below, for a fixture that needs others; set before the app is first used.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    internal string DatabaseFile => Path.Combine(dataDirectory, "studio.db");

    internal string ConnectionString => $"Data Source={DatabaseFile};Default Timeout=30";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(dataDirectory);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:DataDirectory", dataDirectory);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", ConnectionString);
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
        // server, render-job changes) and sets the grace at start.
        builder.UseSetting("Background:Renditions:PollSeconds", "0.2");
        builder.UseSetting("Background:RenderRuns:PollSeconds", "0.2");
        builder.UseSetting("Background:RenderJobs:PollSeconds", "0.2");
        builder.UseSetting("Background:StorageReconciliations:PollSeconds", "0.2");
        // The real Main runs under WebApplicationFactory up to the start: it migrates and seeds. A copy of the template
        // has every migration of this build, so its start skips the migration step, which finds nothing to do but
        // still compares the whole model with the migrations' snapshot (0.3–0.8 s a host). Seeding finds it all there.
        if (fromTemplate)
            builder.UseSetting("Database:MigrateAtStartup", "false");
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
        if (testServices is not null)
            builder.ConfigureTestServices(testServices);
    }

    /// <summary>
    /// Hosts start one at a time, whichever test class starts them. FastEndpoints keeps the service provider of the
    /// last app that mapped its endpoints in a static (ServiceResolver.Instance) and reads it while it maps them
    /// (endpoints whose routes come from services), so two apps starting at once could read each other's. Once an app
    /// runs, FastEndpoints resolves from each request's own services.
    /// </summary>
    static readonly Lock HostStart = new();

    protected override IHost CreateHost(IHostBuilder builder)
    {
        lock (HostStart)
            return base.CreateHost(builder);
    }

    public async Task InitializeAsync()
    {
        if (fromTemplate)
        {
            Directory.CreateDirectory(dataDirectory);
            File.Copy(await TemplateDatabase.FileAsync(), DatabaseFile);
        }
        // Started here, so the first test of the class does not pay for it.
        _ = Services;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        foreach (var variant in variants.Values)
            await variant.DisposeAsync();
        await base.DisposeAsync();
        // This file's pool only: other test classes may be running on theirs.
        SqliteConnection.ClearPool(new SqliteConnection(ConnectionString));
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
    }

    /// <summary>
    /// Another host of this app on the same database and files, with other settings or services (a fixed clock, an
    /// allowed origin): built on first use under <paramref name="name"/>, kept for the test class, stopped with it.
    /// A test that needs a fresh host (a restart) uses WithWebHostBuilder.
    /// </summary>
    public WebApplicationFactory<Program> Variant(string name, Action<IWebHostBuilder> configure) =>
        variants.GetOrAdd(name, _ => WithWebHostBuilder(configure));

    /// <summary>Runs something against the app's database directly: to arrange state or to check what was stored.</summary>
    public async Task<T> WithDbAsync<T>(Func<StudioDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<StudioDbContext>());
    }

    public Task WithDbAsync(Func<StudioDbContext, Task> work) => WithDbAsync(async db => { await work(db); return true; });

    /// <summary>An HttpClient signed in as the seeded admin (a reused sign-in, see <see cref="SharedAdmin"/>; each call gets its own client).</summary>
    public async Task<HttpClient> AdminAsync() =>
        ClientWithToken(await (testServices is null ? SharedAdmin : ownAdmin).GetAsync(() => SignInForTokenAsync("admin", AdminPassword)));

    /// <summary>An HttpClient signed in as a new user of the given role (created directly in the database).</summary>
    public async Task<HttpClient> AsRoleAsync(UserRole role) => (await AsNewUserAsync(role)).Caller;

    /// <summary>
    /// A new user of the given role and a client with an access token from the app's own issuer: what signing in
    /// answers, without verifying a password (SignInTests do that). The user can sign in with <see cref="UserPassword"/>.
    /// </summary>
    public async Task<(HttpClient Caller, long UserId)> AsNewUserAsync(UserRole role)
    {
        var username = $"{role.ToClaim()}-{Guid.NewGuid():N}"[..24];
        var user = await CreateUserAsync(username, role);
        var token = Services.GetRequiredService<AccessTokenIssuer>().Issue(user).Token;
        return (ClientWithToken(token), user.Id);
    }

    public async Task<User> CreateUserAsync(string username, UserRole role, string password = UserPassword)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<User>>();
        var user = new User { Username = username.ToLowerInvariant(), DisplayName = username, Role = role };
        // The hash embeds its own salt, so one real hash of the shared test password serves every test user.
        user.PasswordHash = password == UserPassword
            ? userPasswordHash ??= hasher.HashPassword(user, UserPassword)
            : hasher.HashPassword(user, password);
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user;
    }

    public async Task<HttpClient> SignedInAsync(string username, string password) =>
        ClientWithToken(await SignInForTokenAsync(username, password));

    async Task<string> SignInForTokenAsync(string username, string password)
    {
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TokenBody>())!.AccessToken;
    }

    HttpClient ClientWithToken(string accessToken)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    sealed record TokenBody(string AccessToken, string RefreshToken);

    /// <summary>An access token from a real sign-in, reused for 10 minutes (they live 15).</summary>
    sealed class ReusedToken
    {
        readonly SemaphoreSlim gate = new(1, 1);
        (string Token, DateTime SignedInAt)? current;

        public async Task<string> GetAsync(Func<Task<string>> signIn)
        {
            await gate.WaitAsync();
            try
            {
                if (current is not { } token || DateTime.UtcNow - token.SignedInAt > TimeSpan.FromMinutes(10))
                    current = token = (await signIn(), DateTime.UtcNow);
                return token.Token;
            }
            finally
            {
                gate.Release();
            }
        }
    }
}

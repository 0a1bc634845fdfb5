using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StudioApi.Platform.Auth;
using StudioApi.Platform.Workflow;

namespace StudioApi.Tests.Infrastructure;

/// <summary>
/// The real app (see <see cref="StudioApiFactory"/>) on a fake clock the test moves, with a handler that records every
/// status-change event the app publishes. One per test class (IClassFixture).
/// </summary>
public class ClockedStudioApi : IAsyncLifetime
{
    public StudioApiFactory Base { get; } = new();

    /// <summary>Starts on Monday 2026-03-02 15:00 UTC; tests set it where they need it.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero));

    public RecordingStatusChangeHandler Events { get; } = new();

    public WebApplicationFactory<Program> App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Base.InitializeAsync();
        App = Base.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStatusChangeHandler>(Events);
            ConfigureServices(services);
            // Tests move the clock back and forth across months; token lifetimes are not what they test (SignIn tests do).
            services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
                options.TokenValidationParameters.LifetimeValidator = (_, _, _, _) => true);
        }));
    }

    /// <summary>More test services for a fixture that needs them.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public Task DisposeAsync() => ((IAsyncLifetime)Base).DisposeAsync();

    public Task<HttpClient> AdminAsync() => SignedInAsync("admin", StudioApiFactory.AdminPassword);

    public async Task<HttpClient> AsRoleAsync(UserRole role) => (await AsNewUserAsync(role)).Caller;

    /// <summary>A new user with this role, signed in, and their user id.</summary>
    public async Task<(HttpClient Caller, long UserId)> AsNewUserAsync(UserRole role)
    {
        var username = $"{role.ToClaim()}-{Guid.NewGuid():N}"[..24];
        var user = await Base.CreateUserAsync(username, role);
        return (await SignedInAsync(username, StudioApiFactory.UserPassword), user.Id);
    }

    async Task<HttpClient> SignedInAsync(string username, string password)
    {
        var client = App.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenBody>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    sealed record TokenBody(string AccessToken);
}

/// <summary>Keeps every batch of status-change events the app published, in order.</summary>
public sealed class RecordingStatusChangeHandler : IStatusChangeHandler
{
    readonly ConcurrentQueue<IReadOnlyList<StatusChanged>> batches = new();

    public IReadOnlyList<IReadOnlyList<StatusChanged>> Batches => batches.ToList();

    public IReadOnlyList<StatusChanged> All => batches.SelectMany(b => b).ToList();

    public void Clear() => batches.Clear();

    public Task HandleAsync(IReadOnlyList<StatusChanged> changes, CancellationToken ct)
    {
        batches.Enqueue(changes);
        return Task.CompletedTask;
    }
}

using System.Collections.Concurrent;
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
/// status-change event the app publishes. One per test class (IClassFixture): one host, whose clock each test sets
/// where it needs it, backwards too (<see cref="FakeTimeProvider.AdjustTime"/>).
/// </summary>
public class ClockedStudioApi : IAsyncLifetime
{
    public ClockedStudioApi() => Base = new StudioApiFactory(services =>
    {
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<IStatusChangeHandler>(Events);
        ConfigureServices(services);
        // Tests move the clock back and forth across months; token lifetimes are not what they test (SignIn tests do).
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
            options.TokenValidationParameters.LifetimeValidator = (_, _, _, _) => true);
    });

    /// <summary>The app itself, on the fake clock.</summary>
    public StudioApiFactory Base { get; }

    /// <summary>Starts on Monday 2026-03-02 15:00 UTC; tests set it where they need it.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero));

    public RecordingStatusChangeHandler Events { get; } = new();

    /// <summary>The same app as <see cref="Base"/>.</summary>
    public WebApplicationFactory<Program> App => Base;

    public Task InitializeAsync() => Base.InitializeAsync();

    /// <summary>More test services for a fixture that needs them.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public Task DisposeAsync() => ((IAsyncLifetime)Base).DisposeAsync();

    public Task<HttpClient> AdminAsync() => Base.AdminAsync();

    public Task<HttpClient> AsRoleAsync(UserRole role) => Base.AsRoleAsync(role);

    /// <summary>A new user with this role, signed in, and their user id.</summary>
    public Task<(HttpClient Caller, long UserId)> AsNewUserAsync(UserRole role) => Base.AsNewUserAsync(role);
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

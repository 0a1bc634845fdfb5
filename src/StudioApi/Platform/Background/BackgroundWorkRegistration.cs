using Microsoft.Extensions.DependencyInjection.Extensions;

namespace StudioApi.Platform.Background;

/// <summary>
/// How the engine and the kinds of work that plug into it are registered. An area registers each of its kinds with a
/// name (its configuration section <c>Background:&lt;Kind&gt;</c> and its entry in <c>GET /background-work</c>), its
/// default settings and the <see cref="WakeSignal"/> that wakes it.
/// </summary>
public static class BackgroundWorkRegistration
{
    /// <summary>
    /// The engine: this server's identity and the hosted service that runs every kind. Once, by the application.
    /// <c>Background:Enabled=false</c> runs none (the OpenAPI export, which has no database); the admin list still works.
    /// </summary>
    public static IServiceCollection AddBackgroundWork(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        services.AddSingleton(BackgroundInstance.From(configuration, dataDirectory));
        if (configuration.GetValue("Background:Enabled", true))
            services.AddHostedService<BackgroundWorkHost>();
        return services;
    }

    /// <summary>A queue of records of one kind (see <see cref="WorkQueue{TRecord}"/>).</summary>
    public static IServiceCollection AddWorkQueue<TQueue, TRecord, TSignal>(this IServiceCollection services, string kind, WorkerSettings defaults)
        where TQueue : WorkQueue<TRecord>
        where TRecord : class, Platform.Persistence.IHasId
        where TSignal : WakeSignal
    {
        services.TryAddSingleton<TSignal>();
        services.AddScoped<TQueue>();
        services.AddSingleton(sp => new QueueWorker<TQueue, TRecord, TSignal>(kind, defaults.BoundTo(sp.GetRequiredService<IConfiguration>(), kind),
            sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<TSignal>(), sp.GetRequiredService<BackgroundInstance>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<TQueue>>()));
        services.AddSingleton<BackgroundWorker>(sp => sp.GetRequiredService<QueueWorker<TQueue, TRecord, TSignal>>());
        return services;
    }

    /// <summary>
    /// A reader of an append-only stream (see <see cref="StreamConsumer{TEntry}"/>); its place is kept in the
    /// EventCursors row named <paramref name="cursor"/> (the kind's name unless given).
    /// </summary>
    public static IServiceCollection AddStreamConsumer<TConsumer, TEntry, TSignal>(this IServiceCollection services, string kind,
        WorkerSettings defaults, string? cursor = null)
        where TConsumer : StreamConsumer<TEntry>
        where TEntry : class, Platform.Persistence.IHasId
        where TSignal : WakeSignal
    {
        services.TryAddSingleton<TSignal>();
        services.AddScoped<TConsumer>();
        services.AddSingleton(sp => new StreamWorker<TConsumer, TEntry, TSignal>(kind, cursor ?? kind,
            defaults.BoundTo(sp.GetRequiredService<IConfiguration>(), kind), sp.GetRequiredService<IServiceScopeFactory>(),
            sp.GetRequiredService<TSignal>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<TConsumer>>()));
        services.AddSingleton<BackgroundWorker>(sp => sp.GetRequiredService<StreamWorker<TConsumer, TEntry, TSignal>>());
        return services;
    }
}

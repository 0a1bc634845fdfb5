using Microsoft.Extensions.Options;
using StudioApi.Features.Imaging.RenderJobs;
using StudioApi.Platform.Workflow;

namespace StudioApi.Features.Imaging.RenderRuns;

public static class RenderingRegistration
{
    /// <summary>Render runs (the worker) and render jobs (the dispatcher reading the status log).</summary>
    public static IServiceCollection AddRendering(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(Options.Create(configuration.GetSection("Rendering").Get<RenderingOptions>() ?? new RenderingOptions()));
        services.AddSingleton<RenderWorkerSignal>();
        services.AddSingleton<RenderJobSignal>();
        services.AddSingleton<RenderRunOutput>();
        services.AddScoped<RenderRunExecutor>();
        services.AddScoped<RenderJobOutcome>();
        services.AddScoped<IStatusChangeHandler, RenderJobWake>();
        services.AddHostedService<RenderRunWorker>();
        services.AddHostedService<RenderJobDispatcher>();
        return services;
    }
}

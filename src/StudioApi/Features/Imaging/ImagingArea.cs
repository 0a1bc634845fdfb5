using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StudioApi.Features.Clients.Clients;
using StudioApi.Features.Imaging.GroupCapture;
using StudioApi.Features.Imaging.Images;
using StudioApi.Features.Imaging.Images.ContactSheet;
using StudioApi.Features.Imaging.Images.Import;
using StudioApi.Features.Imaging.Images.Renditions;
using StudioApi.Features.Imaging.RenderJobs;
using StudioApi.Features.Imaging.RenderProfiles;
using StudioApi.Features.Imaging.RenderRuns;
using StudioApi.Features.Scheduling.Sessions;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Workflow;

namespace StudioApi.Features.Imaging;

/// <summary>
/// Imaging: a session's images (import, renditions, proofing, contact sheets), group capture on picture day, and
/// rendering (profiles, runs, and the render jobs that start runs from status changes). Uses Setup, Clients and Scheduling.
/// </summary>
public static class ImagingArea
{
    public static IServiceCollection AddImaging(this IServiceCollection services, IConfiguration configuration)
    {
        // libvips loaders not fuzzed for untrusted input (e.g. ImageMagick, PDF, SVG) are refused outright.
        NetVips.NetVips.BlockUntrusted = true;

        var images = configuration.GetSection("Images").Get<ImageOptions>() ?? new ImageOptions();
        NetVips.NetVips.Concurrency = Math.Max(1, images.ThreadsPerWorker);
        services.AddSingleton(Options.Create(images));
        services.AddSingleton<RenditionSignal>();
        services.AddSingleton<RenditionMaker>();
        services.AddSingleton<ImageFiles>();
        services.AddSingleton<ImageLinks>();
        services.AddSingleton<ContactSheetRenderer>();
        services.AddScoped<SessionImageImporter>();
        services.AddScoped<IClientPictures, ClientPictures>();
        services.AddScoped<ISessionDependent, SessionImageDependents>();
        services.AddHostedService<RenditionWorker>();

        // Render runs (the worker) and render jobs (the dispatcher reading the status log).
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

    extension(StudioDbContext db)
    {
        public DbSet<SessionImage> SessionImages => db.Set<SessionImage>();
        public DbSet<UnmatchedCapture> UnmatchedCaptures => db.Set<UnmatchedCapture>();
        public DbSet<RenderProfile> RenderProfiles => db.Set<RenderProfile>();
        public DbSet<RenderProfileWatermarkImage> RenderProfileWatermarkImages => db.Set<RenderProfileWatermarkImage>();
        public DbSet<RenderRun> RenderRuns => db.Set<RenderRun>();
        public DbSet<RenderRunItem> RenderRunItems => db.Set<RenderRunItem>();
        public DbSet<RenderJob> RenderJobs => db.Set<RenderJob>();
    }
}

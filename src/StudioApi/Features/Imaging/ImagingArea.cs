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
using StudioApi.Platform.Background;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Storage;
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
        services.AddSingleton<RenditionMaker>();
        services.AddSingleton<ImageFiles>();
        services.AddSingleton<ImageLinks>();
        services.AddSingleton<ContactSheetRenderer>();
        services.AddScoped<SessionImageImporter>();
        services.AddScoped<IClientPictures, ClientPictures>();
        services.AddScoped<ISessionDependent, SessionImageDependents>();

        // Which files in the store the area's records expect, for the storage reconciler.
        services.AddScoped<IStoredFileOwner, SessionImageStoredFiles>();
        services.AddScoped<IStoredFileOwner, UnmatchedCaptureStoredFiles>();
        services.AddScoped<IStoredFileOwner, RenderRunStoredFiles>();

        // Render runs (the worker) and render jobs (the dispatcher reading the status log).
        services.AddSingleton<RenderRunOutput>();
        services.AddScoped<RenderRunExecutor>();
        services.AddScoped<RenderJobOutcome>();
        services.AddScoped<IStatusChangeHandler, RenderJobWake>();

        // The background work, on the engine (settings Background:<Kind>:…). The keys these had before the engine
        // (Images:Rendition…, Rendering:…) are still read, as the defaults.
        services.AddWorkQueue<RenditionWorker, SessionImage, RenditionSignal>(RenditionWorker.Kind, new WorkerSettings
        {
            Workers = configuration.GetValue("Images:RenditionWorkers", 1),
            PollSeconds = configuration.GetValue("Images:RenditionPollSeconds", 5.0),
            MaxAttempts = configuration.GetValue("Images:RenditionMaxAttempts", 3),
        });
        var rendering = configuration.GetSection("Rendering");
        services.AddWorkQueue<RenderRunWorker, RenderRun, RenderWorkerSignal>(RenderRunWorker.Kind, new WorkerSettings
        {
            Workers = rendering.GetValue("Workers", 1),
            PollSeconds = rendering.GetValue("PollSeconds", 5.0),
            LeaseSeconds = rendering.GetValue("LeaseSeconds", 120.0),
        });
        services.AddStreamConsumer<RenderJobDispatcher, StatusLogEntry, RenderJobSignal>(RenderJobDispatcher.Kind, new WorkerSettings
        {
            PollSeconds = rendering.GetValue("PollSeconds", 5.0),
        }, cursor: RenderJobDispatcher.Consumer);
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
        public DbSet<RenderRunMissingStudent> RenderRunMissingStudents => db.Set<RenderRunMissingStudent>();
        public DbSet<RenderJob> RenderJobs => db.Set<RenderJob>();
    }
}

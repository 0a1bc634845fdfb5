using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Imaging.Images.Renditions;

/// <summary>
/// Makes renditions in the background. The queue is the images themselves (state pending), claimed with a lease, so
/// work survives a restart: a pending image is picked up at the next start, and one whose worker died when its lease
/// runs out. <see cref="ImageOptions.RenditionWorkers"/> loops at most run at once, so renders never starve the API.
/// State changes use ExecuteUpdate: the worker's bookkeeping is not an edit, and must not bump the image's version.
/// </summary>
public sealed class RenditionWorker(IServiceScopeFactory scopes, RenditionSignal signal, IOptions<ImageOptions> options,
    TimeProvider clock, ILogger<RenditionWorker> log) : BackgroundService
{
    static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    readonly ImageOptions settings = options.Value;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, settings.RenditionWorkers)).Select(_ => Task.Run(() => LoopAsync(stoppingToken), stoppingToken)));

    async Task LoopAsync(CancellationToken ct)
    {
        var poll = TimeSpan.FromSeconds(Math.Max(0.1, settings.RenditionPollSeconds));
        // One poll's grace at start: the database is migrated as the app starts (and export-openapi never has one).
        await signal.WaitAsync(poll, ct);
        while (!ct.IsCancellationRequested)
        {
            var worked = false;
            try
            {
                worked = await RenderNextAsync(ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                // Typically the database not being ready yet at start: try again at the next poll.
                log.LogWarning(e, "The rendition worker could not look for work");
            }
            if (!worked)
                await signal.WaitAsync(poll, ct);
        }
    }

    /// <summary>Claims and renders one pending image; false when there was none.</summary>
    async Task<bool> RenderNextAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;

        var next = await db.SessionImages.AsNoTracking()
            .Where(i => i.RenditionState == RenditionState.Pending && (i.RenditionLeaseUntil == null || i.RenditionLeaseUntil < now))
            .OrderBy(i => i.Id)
            .Select(i => new { i.Id, i.StorageKey, i.RenditionAttempts })
            .FirstOrDefaultAsync(ct);
        if (next is null)
            return false;

        var claimed = await db.SessionImages
            .Where(i => i.Id == next.Id && i.RenditionState == RenditionState.Pending && (i.RenditionLeaseUntil == null || i.RenditionLeaseUntil < now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.RenditionLeaseUntil, now + Lease)
                .SetProperty(i => i.RenditionAttempts, i => i.RenditionAttempts + 1), ct);
        if (claimed == 0)
            return true; // another worker took it: look again

        try
        {
            await scope.ServiceProvider.GetRequiredService<RenditionMaker>().MakeAsync(next.StorageKey, ct);
            var done = clock.GetUtcNow().UtcDateTime;
            await db.SessionImages.Where(i => i.Id == next.Id).ExecuteUpdateAsync(s => s
                .SetProperty(i => i.RenditionState, RenditionState.Ready)
                .SetProperty(i => i.RenditionError, (string?)null)
                .SetProperty(i => i.RenditionLeaseUntil, (DateTime?)null)
                .SetProperty(i => i.RenditionsReadyAt, done), CancellationToken.None);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            var attempts = next.RenditionAttempts + 1;
            var failed = attempts >= settings.RenditionMaxAttempts;
            log.LogWarning(e, "Renditions of image {ImageId} failed (attempt {Attempt})", next.Id, attempts);
            var error = e.Message.Length <= SessionImageLimits.ErrorLength ? e.Message : e.Message[..SessionImageLimits.ErrorLength];
            await db.SessionImages.Where(i => i.Id == next.Id).ExecuteUpdateAsync(s => s
                .SetProperty(i => i.RenditionState, failed ? RenditionState.Failed : RenditionState.Pending)
                .SetProperty(i => i.RenditionError, error)
                // Back off before the next attempt.
                .SetProperty(i => i.RenditionLeaseUntil, failed ? null : now + TimeSpan.FromSeconds(10 * attempts)), CancellationToken.None);
        }
        return true;
    }
}

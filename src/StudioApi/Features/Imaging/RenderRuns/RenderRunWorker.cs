using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Imaging.RenderRuns;

/// <summary>
/// Renders runs in the background. The queue is the runs themselves (queued, or running under a lease that ran out
/// because its worker died), so work survives a restart; <see cref="RenderingOptions.Workers"/> loops at most run at
/// once, so renders never starve the API. A run is claimed whole and its lease renewed between images.
/// </summary>
public sealed class RenderRunWorker(IServiceScopeFactory scopes, RenderWorkerSignal signal, IOptions<RenderingOptions> options,
    TimeProvider clock, ILogger<RenderRunWorker> log) : BackgroundService
{
    readonly RenderingOptions settings = options.Value;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(0, settings.Workers)).Select(_ => Task.Run(() => LoopAsync(stoppingToken), stoppingToken)));

    async Task LoopAsync(CancellationToken ct)
    {
        var poll = TimeSpan.FromSeconds(Math.Max(0.1, settings.PollSeconds));
        // One poll's grace at start: the database is migrated as the app starts (and export-openapi never has one).
        await signal.WaitAsync(poll, ct);
        while (!ct.IsCancellationRequested)
        {
            var worked = false;
            try
            {
                worked = await RunNextAsync(ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                // The database not ready yet at start, or a run's last step failing: its lease runs out and it is retried.
                log.LogWarning(e, "The render worker could not finish its work");
            }
            if (!worked)
                await signal.WaitAsync(poll, ct);
        }
    }

    /// <summary>Claims and renders one run; false when there was none to claim.</summary>
    async Task<bool> RunNextAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;

        var next = await Claimable(db, now).OrderBy(r => r.Id).Select(r => (long?)r.Id).FirstOrDefaultAsync(ct);
        if (next is not { } runId)
            return false;
        var claimed = await Claimable(db, now).Where(r => r.Id == runId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.State, RenderRunState.Running)
            .SetProperty(r => r.LeaseUntil, now + Lease)
            .SetProperty(r => r.StartedAt, r => r.StartedAt ?? now), ct);
        if (claimed == 0)
            return true; // another worker took it: look again

        await scope.ServiceProvider.GetRequiredService<RenderRunExecutor>().RunAsync(runId, ct);
        return true;
    }

    TimeSpan Lease => TimeSpan.FromSeconds(Math.Max(5, settings.LeaseSeconds));

    static IQueryable<RenderRun> Claimable(StudioDbContext db, DateTime now) => db.RenderRuns.Where(r =>
        (r.State == RenderRunState.Queued || r.State == RenderRunState.Running) && (r.LeaseUntil == null || r.LeaseUntil < now));
}

using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Background;
using StudioApi.Platform.Persistence;

namespace StudioApi.Platform.Http.Idempotency;

/// <summary>
/// Keys are honoured for 24 hours (a retry after a day is a new request); this sweeps older ones hourly so the table
/// stays small. Later work moves scheduled jobs to Quartz; this one needs no schedule beyond "every hour".
/// At start it also releases the claims this server (its <see cref="BackgroundInstance"/> id) made before it stopped
/// and never finished: the request that made them died with the server, so a retry may run at once instead of waiting
/// out Idempotency:TakeoverSeconds, the wait that still holds for another server's claims.
/// </summary>
public sealed class IdempotencyRetention(IServiceScopeFactory scopes, TimeProvider clock, BackgroundInstance instance,
    ILogger<IdempotencyRetention> logger) : BackgroundService
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(24);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var released = await ReleaseAbandonedClaimsAsync(cancellationToken);
            if (released > 0)
                logger.LogInformation("Released {Count} Idempotency-Key claim(s) this server ({Instance}) left unfinished when it stopped",
                    released, instance.Id);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A database not migrated yet (the tests migrate after the host has started) has no claims to release.
            logger.LogDebug(e, "Could not release this server's unfinished Idempotency-Key claims");
        }
        await base.StartAsync(cancellationToken);
    }

    /// <summary>
    /// Deletes the unfinished claims this server made before now. Only those older than this moment: a request this
    /// server is already running (the release may meet the first requests) keeps its claim.
    /// </summary>
    public async Task<int> ReleaseAbandonedClaimsAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
        var startedAt = db.UtcNow;
        var owner = instance.Id;
        return await db.IdempotencyRecords.Where(r => r.Owner == owner && !r.Completed && r.CreatedAt < startedAt).ExecuteDeleteAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Sweeping expired idempotency keys failed; will retry in an hour.");
            }
        }
    }

    public async Task<int> SweepAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
        var cutoff = db.UtcNow - KeptFor;
        return await db.IdempotencyRecords.Where(r => r.CreatedAt < cutoff).ExecuteDeleteAsync(ct);
    }
}

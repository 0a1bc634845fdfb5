using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Persistence;

namespace StudioApi.Platform.Http.Idempotency;

/// <summary>
/// Keys are honoured for 24 hours (a retry after a day is a new request); this sweeps older ones hourly so the table
/// stays small. Later work moves scheduled jobs to Quartz; this one needs no schedule beyond "every hour".
/// </summary>
public sealed class IdempotencyRetention(IServiceScopeFactory scopes, TimeProvider clock, ILogger<IdempotencyRetention> logger) : BackgroundService
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(24);

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

namespace StudioApi.Platform.Background;

/// <summary>
/// Runs every registered kind of background work (<see cref="BackgroundWorker"/>) and stops them gracefully: at
/// shutdown no loop claims anything more, the work in hand may finish until the host's shutdown timeout
/// (HostOptions.ShutdownTimeout), and what is still running then is cancelled and handed back, so the next start
/// takes it up at once.
/// </summary>
public sealed class BackgroundWorkHost(IEnumerable<BackgroundWorker> workers, ILogger<BackgroundWorkHost> log) : IHostedService
{
    /// <summary>How long aborted work has to hand its records back once the shutdown timeout has passed.</summary>
    static readonly TimeSpan HandBack = TimeSpan.FromSeconds(5);

    // Never disposed: they hold no timer, and a stop may come after the container is gone (tests stop hosts twice).
    readonly CancellationTokenSource stopClaiming = new();
    readonly CancellationTokenSource abort = new();
    Task running = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        running = Task.WhenAll(workers.Select(worker => Task.Run(async () =>
        {
            try
            {
                await worker.RunAsync(stopClaiming.Token, abort.Token);
            }
            catch (Exception e) when (!stopClaiming.IsCancellationRequested)
            {
                log.LogError(e, "Background work {Kind} stopped unexpectedly", worker.Kind);
            }
        }, CancellationToken.None)));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopClaiming.CancelAsync();
        if (await Task.WhenAny(running, Task.Delay(Timeout.Infinite, cancellationToken)) == running)
            return;
        await abort.CancelAsync();
        await Task.WhenAny(running, Task.Delay(HandBack, CancellationToken.None));
    }
}

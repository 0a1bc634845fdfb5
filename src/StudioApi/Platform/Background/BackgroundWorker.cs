using System.Diagnostics;

namespace StudioApi.Platform.Background;

public enum BackgroundWorkFlavour
{
    /// <summary>Records of one kind, each claimed with a lease (<see cref="WorkQueue{TRecord}"/>).</summary>
    Queue,
    /// <summary>An append-only stream read after a durable cursor (<see cref="StreamConsumer{TEntry}"/>).</summary>
    Stream,
}

/// <summary>What the admin list shows of one kind of background work (see ListWork).</summary>
public sealed record BackgroundWorkState(
    int Queued, int Running, int Retrying, int Failed, DateTime? OldestWaitingCreatedAt, string? LastError,
    IReadOnlyList<BackgroundWorkFailure> RecentFailures);

/// <summary>A record the engine gave up on.</summary>
public sealed record BackgroundWorkFailure(long Id, int Attempts, string? Error, DateTime? FailedAt);

/// <summary>
/// The loop every kind of background work shares: a grace wait at start (the database may still be being migrated),
/// then <see cref="WorkerSettings.Workers"/> loops that each take work while there is some and otherwise wait for the
/// kind's <see cref="WakeSignal"/> or the poll, logging what goes wrong and carrying on. The two flavours
/// (<see cref="QueueWorker{TQueue,TRecord,TSignal}"/>, <see cref="StreamWorker{TConsumer,TEntry,TSignal}"/>) say what
/// one pass is; <see cref="BackgroundWorkHost"/> runs every registered kind and stops them gracefully.
/// </summary>
public abstract class BackgroundWorker(string kind, WorkerSettings settings, WakeSignal signal, ILogger log)
{
    /// <summary>Until the first pass succeeds, failures this soon after start are expected (a migration in progress) and logged quietly.</summary>
    static readonly TimeSpan StartGrace = TimeSpan.FromSeconds(60);

    readonly Stopwatch sinceStart = new();
    volatile bool ready;

    /// <summary>The kind's name, also its configuration section (<c>Background:&lt;Kind&gt;</c>) and its entry in the admin list.</summary>
    public string Kind { get; } = kind;
    public WorkerSettings Settings { get; } = settings;
    public abstract BackgroundWorkFlavour Flavour { get; }

    protected WakeSignal Signal { get; } = signal;
    protected ILogger Log { get; } = log;

    /// <summary>Runs the kind's loops until <paramref name="stopClaiming"/>; <paramref name="abort"/> cancels the work in hand.</summary>
    public async Task RunAsync(CancellationToken stopClaiming, CancellationToken abort)
    {
        if (Settings.Workers <= 0)
            return;
        sinceStart.Start();
        // One poll's grace at start: tests migrate the database after the host has started.
        await IdleAsync(stopClaiming);
        while (!stopClaiming.IsCancellationRequested)
        {
            try
            {
                await StartAsync(stopClaiming);
                break;
            }
            catch (Exception e) when (!stopClaiming.IsCancellationRequested)
            {
                Trouble(e, "could not start");
                await IdleAsync(stopClaiming);
            }
            catch (OperationCanceledException)
            {
            }
        }
        await Task.WhenAll(Enumerable.Range(0, Settings.Workers).Select(_ => Task.Run(() => LoopAsync(stopClaiming, abort), CancellationToken.None)));
    }

    async Task LoopAsync(CancellationToken stopClaiming, CancellationToken abort)
    {
        while (!stopClaiming.IsCancellationRequested)
        {
            var more = false;
            try
            {
                more = await PassAsync(stopClaiming, abort);
                ready = true;
            }
            catch (Exception e) when (!stopClaiming.IsCancellationRequested)
            {
                Trouble(e, "could not look for work");
            }
            catch (Exception)
            {
                // Stopping: whatever was cut short is handed back by the pass or taken over at the next start.
            }
            if (!more)
                await IdleAsync(stopClaiming);
        }
    }

    /// <summary>Before the loops start (a queue takes back what this instance held when it stopped).</summary>
    protected virtual Task StartAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>Takes and does one piece of work; false when there was none, so the loop waits.</summary>
    protected abstract Task<bool> PassAsync(CancellationToken stopClaiming, CancellationToken abort);

    /// <summary>The kind's counts for the admin list, read in the caller's scope.</summary>
    public abstract Task<BackgroundWorkState> StateAsync(IServiceProvider services, DateTime now, CancellationToken ct);

    async Task IdleAsync(CancellationToken ct)
    {
        try
        {
            await Signal.WaitAsync(Settings.Poll, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    void Trouble(Exception e, string what)
    {
        if (!ready && sinceStart.Elapsed < StartGrace)
            Log.LogDebug(e, "Background work {Kind} {What} (the database may not be ready yet)", Kind, what);
        else
            Log.LogWarning(e, "Background work {Kind} {What}", Kind, what);
    }
}

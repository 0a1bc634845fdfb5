using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StudioApi.Features.Imaging;
using StudioApi.Features.Imaging.RenderRuns;
using StudioApi.Platform.Background;
using StudioApi.Platform.Workflow;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Platform.Background;

public sealed record BackgroundWorkFailureBody(long Id, int Attempts, string? Error, DateTimeOffset? FailedAt);

public sealed record BackgroundWorkKindBody(
    string Kind, string Flavour, int Workers, int MaxAttempts, double LeaseSeconds, double PollSeconds, int Queued, int Running,
    int Retrying, int Failed, DateTimeOffset? OldestWaitingCreatedAt, long? OldestWaitingSeconds, string? LastError,
    List<BackgroundWorkFailureBody> RecentFailures);

public sealed record BackgroundWorkListBody(List<BackgroundWorkKindBody> Items);

/// <summary>
/// The real app on the fake clock, for engine tests. Render runs are switched off in it (Background:RenderRuns:Workers
/// = 0): their rows serve as the queue of a test-only kind, <see cref="ScriptedWork"/>, that each test plugs into hosts
/// of its own (<see cref="HostAsync"/>), so it decides how many servers work and with what settings.
/// </summary>
public sealed class BackgroundWorkApi : ClockedStudioApi
{
    public const string Kind = "scripted";
    public const string StreamKind = "scriptedStream";

    public BackgroundWorkApi() => Base.Settings["Background:RenderRuns:Workers"] = "0";

    public ScriptGate Gate { get; } = new();

    /// <summary>A started host running the scripted kind with these settings (and, if given, this instance id).</summary>
    public WebApplicationFactory<Program> Host(WorkerSettings settings, string? instanceId = null, TimeSpan? shutdownTimeout = null)
    {
        var host = App.WithWebHostBuilder(builder =>
        {
            if (instanceId is not null)
                builder.UseSetting("Background:InstanceId", instanceId);
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton(Gate);
                services.AddWorkQueue<ScriptedWork, RenderRun, ScriptedSignal>(Kind, settings);
                services.AddStreamConsumer<ScriptedStream, StatusLogEntry, ScriptedStreamSignal>(StreamKind, settings);
                if (shutdownTimeout is { } timeout)
                    services.Configure<HostOptions>(o => o.ShutdownTimeout = timeout);
            });
        });
        _ = host.Services; // starts it, and its background work
        return host;
    }

    /// <summary>A record of the scripted kind, queued now on the fake clock; <paramref name="script"/> says what its work does.</summary>
    public async Task<long> EnqueueAsync(string script, WorkLease? lease = null)
    {
        var run = new RenderRun { ProfileName = script, CreatedBy = "test", CreatedAt = Clock.GetUtcNow().UtcDateTime, Work = lease ?? new WorkLease() };
        await Base.WithDbAsync(async db =>
        {
            db.RenderRuns.Add(run);
            await db.SaveChangesAsync();
        });
        return run.Id;
    }

    public Task<RenderRun> RecordAsync(long id) => Base.WithDbAsync(db => db.RenderRuns.AsNoTracking().SingleAsync(r => r.Id == id));

    /// <summary>Waits until the record satisfies <paramref name="condition"/> (a worker got to it); fails after a minute.</summary>
    public async Task<RenderRun> WhenAsync(long id, Func<RenderRun, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var record = await RecordAsync(id);
            if (condition(record))
                return record;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Record {id} is still not {what}: {record.State}, attempts {record.Work.Attempts}, " +
                                           $"owner {record.Work.LeaseOwner}, error {record.Work.LastError}.");
            await Task.Delay(50);
        }
    }

    public Task<RenderRun> WhenDoneAsync(long id) => WhenAsync(id, r => r.State == RenderRunState.Completed, "done");

    public static void Wake(WebApplicationFactory<Program> host) => host.Services.GetRequiredService<ScriptedSignal>().Wake();

    public static void WakeStream(WebApplicationFactory<Program> host) => host.Services.GetRequiredService<ScriptedStreamSignal>().Wake();

    /// <summary>An entry of the status log, as a status change writes it (of a client nobody else reacts to).</summary>
    public async Task<long> AppendToStatusLogAsync()
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var entry = new StatusLogEntry
        {
            Kind = RecordKind.Client, RecordId = 1, ToStatusId = 1, ToDescription = "Test", ChangedBy = "test", ChangedAt = now,
            StatusDate = DateOnly.FromDateTime(now), DueDate = DateOnly.FromDateTime(now),
        };
        await Base.WithDbAsync(async db =>
        {
            db.StatusLogEntries.Add(entry);
            await db.SaveChangesAsync();
        });
        return entry.Id;
    }

    public Task<EventCursor?> CursorAsync(string name) =>
        Base.WithDbAsync(db => db.EventCursors.AsNoTracking().SingleOrDefaultAsync(c => c.Consumer == name));
}

public sealed class ScriptedSignal : WakeSignal;

public sealed class ScriptedStreamSignal : WakeSignal;

/// <summary>The test-only stream consumer: reads the status log, failing while <see cref="ScriptGate.StreamDown"/>.</summary>
public sealed class ScriptedStream(ScriptGate gate) : StreamConsumer<StatusLogEntry>
{
    static readonly Expression<Func<StatusLogEntry, DateTime>> ChangedAt = e => e.ChangedAt;

    public override Expression<Func<StatusLogEntry, DateTime>> CreatedAt => ChangedAt;

    public override Task HandleAsync(IReadOnlyList<StatusLogEntry> batch, CancellationToken ct)
    {
        if (gate.StreamDown)
            throw new InvalidOperationException("The stream's reader is down.");
        foreach (var entry in batch)
            gate.StreamRead.Enqueue(entry.Id);
        return Task.CompletedTask;
    }
}

/// <summary>
/// The test-only kind: render-run rows (switched off as render runs in <see cref="BackgroundWorkApi"/>), whose profile
/// name is the script of their work: <c>ok</c>, <c>fail</c> (always), <c>fail-until-N</c> (fails attempts before N),
/// <c>block</c> (works until the test releases it through <see cref="ScriptGate"/>).
/// </summary>
public sealed class ScriptedWork(ScriptGate gate) : WorkQueue<RenderRun>
{
    static readonly Expression<Func<RenderRun, WorkLease>> LeaseColumns = r => r.Work;
    static readonly Expression<Func<RenderRun, DateTime>> Created = r => r.CreatedAt;
    static readonly Expression<Func<RenderRun, bool>> Queued = r => r.State == RenderRunState.Queued;

    public override Expression<Func<RenderRun, WorkLease>> Lease => LeaseColumns;
    public override Expression<Func<RenderRun, DateTime>> CreatedAt => Created;
    public override Expression<Func<RenderRun, bool>> Waiting => Queued;

    public override async Task ProcessAsync(RenderRun record, CancellationToken ct)
    {
        var script = record.ProfileName;
        if (script == "fail")
            throw new InvalidOperationException("It always fails.");
        if (script.StartsWith("fail-until-") && record.Work.Attempts < int.Parse(script["fail-until-".Length..]))
            throw new InvalidOperationException($"A passing failure on attempt {record.Work.Attempts}.");
        if (script == "block")
            await gate.HoldAsync(record.Id, ct);
    }

    public override void OnDone(UpdateSettersBuilder<RenderRun> set, DateTime now) =>
        set.SetProperty(r => r.State, RenderRunState.Completed).SetProperty(r => r.FinishedAt, now);

    public override void OnFailed(UpdateSettersBuilder<RenderRun> set, string error, DateTime now) =>
        set.SetProperty(r => r.State, RenderRunState.Failed).SetProperty(r => r.Error, error).SetProperty(r => r.FinishedAt, now);
}

/// <summary>Holds <c>block</c> work until the test releases it, and counts who held what and how many at once.</summary>
public sealed class ScriptGate
{
    readonly ConcurrentDictionary<long, TaskCompletionSource> releases = new();
    readonly ConcurrentDictionary<long, int> claims = new();
    readonly Lock gate = new();
    readonly HashSet<long> holding = [];

    public int MostAtOnce { get; private set; }

    public volatile bool StreamDown;

    public ConcurrentQueue<long> StreamRead { get; } = new();

    public int ClaimsOf(long id) => claims.GetValueOrDefault(id);

    public IReadOnlyCollection<long> Holding
    {
        get { lock (gate) return holding.ToList(); }
    }

    public async Task HoldAsync(long id, CancellationToken ct)
    {
        claims.AddOrUpdate(id, 1, (_, n) => n + 1);
        lock (gate)
        {
            holding.Add(id);
            MostAtOnce = Math.Max(MostAtOnce, holding.Count);
        }
        try
        {
            await releases.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task.WaitAsync(ct);
        }
        finally
        {
            lock (gate)
                holding.Remove(id);
        }
    }

    public void Release(long id) =>
        releases.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    public void ResetCount()
    {
        lock (gate)
            MostAtOnce = holding.Count;
    }

    /// <summary>Waits until these records are being worked on; fails after a minute.</summary>
    public async Task WhenHoldingAsync(params long[] ids)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!ids.All(Holding.Contains))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Still waiting for {string.Join(", ", ids.Except(Holding))} to be worked on.");
            await Task.Delay(20);
        }
    }
}

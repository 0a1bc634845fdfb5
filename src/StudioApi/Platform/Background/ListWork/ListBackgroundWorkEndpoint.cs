using System.ComponentModel.DataAnnotations;
using FastEndpoints;
using StudioApi.Platform.Http.OpenApi;

namespace StudioApi.Platform.Background.ListWork;

/// <summary>One kind of background work: how it is set up in this server and where its queue stands.</summary>
public sealed class BackgroundWorkKindResponse
{
    /// <summary>The kind's name (renditions, renderRuns, renderJobs…), also its configuration section (Background:Renditions…).</summary>
    [MaxLength(50)]
    public required string Kind { get; init; }
    /// <summary>queue: records claimed one by one with a lease; stream: a log read in order after a durable cursor.</summary>
    public required BackgroundWorkFlavour Flavour { get; init; }
    /// <summary>Loops working at once in this server (0: switched off here).</summary>
    public required int Workers { get; init; }
    /// <summary>Attempts before a record is given up as failed (a stream retries its batch without end).</summary>
    public required int MaxAttempts { get; init; }
    /// <summary>How long a claim holds a record; renewed while the work goes on.</summary>
    public required double LeaseSeconds { get; init; }
    /// <summary>How often an idle loop looks for work besides being woken.</summary>
    public required double PollSeconds { get; init; }
    /// <summary>Waiting to be taken now (for a stream: entries after its cursor).</summary>
    public required int Queued { get; init; }
    /// <summary>Held by a server under a current lease.</summary>
    public required int Running { get; init; }
    /// <summary>Failed an attempt and waiting out the backoff before the next.</summary>
    public required int Retrying { get; init; }
    /// <summary>Given up after the last attempt, or failed in a way not worth retrying.</summary>
    public required int Failed { get; init; }
    /// <summary>When the oldest record (or stream entry) still waiting was created; null when nothing waits.</summary>
    public DateTimeOffset? OldestWaitingCreatedAt { get; init; }
    /// <summary>How long it has waited, in whole seconds.</summary>
    public long? OldestWaitingSeconds { get; init; }
    /// <summary>A stream's error from its last failed batch, until a batch goes through; null for queues (see recentFailures).</summary>
    [MaxLength(WorkLease.ErrorMaxLength)]
    public string? LastError { get; init; }
    /// <summary>The latest records given up, newest first, with why.</summary>
    [MaxLength(5)]
    public required IReadOnlyList<BackgroundWorkFailureResponse> RecentFailures { get; init; }
}

/// <summary>A record the engine gave up on.</summary>
public sealed class BackgroundWorkFailureResponse
{
    /// <summary>The record's id (an image, a render run…, by kind).</summary>
    public required long Id { get; init; }
    public required int Attempts { get; init; }
    [MaxLength(WorkLease.ErrorMaxLength)]
    public string? Error { get; init; }
    public DateTimeOffset? FailedAt { get; init; }
}

public sealed class BackgroundWorkListResponse
{
    [MaxLength(50)]
    public required IReadOnlyList<BackgroundWorkKindResponse> Items { get; init; }
}

public sealed class ListBackgroundWorkEndpoint(IEnumerable<BackgroundWorker> workers, TimeProvider clock)
    : EndpointWithoutRequest<BackgroundWorkListResponse>
{
    public override void Configure()
    {
        Get("/background-work");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("BackgroundWork", "List", "List the kinds of background work and their queues",
            "Each kind of work the server does in the background (renditions, render runs, render jobs…) with its settings "
            + "in this server and its queue, counted now across all servers: queued, running (leased), retrying (waiting "
            + "out a backoff), failed (given up, the latest with their errors), and the oldest waiting item."));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var items = new List<BackgroundWorkKindResponse>();
        foreach (var worker in workers)
        {
            var state = await worker.StateAsync(HttpContext.RequestServices, now, ct);
            items.Add(new BackgroundWorkKindResponse
            {
                Kind = worker.Kind,
                Flavour = worker.Flavour,
                Workers = Math.Max(0, worker.Settings.Workers),
                MaxAttempts = worker.Settings.MaxAttempts,
                LeaseSeconds = worker.Settings.Lease.TotalSeconds,
                PollSeconds = worker.Settings.Poll.TotalSeconds,
                Queued = state.Queued,
                Running = state.Running,
                Retrying = state.Retrying,
                Failed = state.Failed,
                OldestWaitingCreatedAt = state.OldestWaitingCreatedAt,
                OldestWaitingSeconds = state.OldestWaitingCreatedAt is { } since ? (long)Math.Max(0, (now - since).TotalSeconds) : null,
                LastError = state.LastError,
                RecentFailures = state.RecentFailures.Select(f => new BackgroundWorkFailureResponse
                {
                    Id = f.Id,
                    Attempts = f.Attempts,
                    Error = f.Error,
                    FailedAt = f.FailedAt,
                }).ToList(),
            });
        }
        await Send.OkAsync(new BackgroundWorkListResponse { Items = items }, ct);
    }
}

using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using StudioApi.Features.Imaging.RenderJobs;
using StudioApi.Platform.Background;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Imaging.RenderRuns;

/// <summary>
/// Renders runs in the background, plugged into the background-work engine (kind <see cref="Kind"/>, settings
/// <c>Background:RenderRuns</c>; one loop by default, so renders never starve the API). The queue is the runs
/// themselves (queued, or running under a lease that ran out because its server died), so work survives a restart.
/// A run is claimed whole, its lease renewed while it renders, and a resumed run renders only what is not done yet
/// (<see cref="RenderRunExecutor"/>). A run whose attempts all fail (its output cannot be written, say) is failed with
/// the reason, and a render job's session moves to the failure status.
/// </summary>
public sealed class RenderRunWorker(StudioDbContext db, RenderRunExecutor executor, RenderJobOutcome jobs) : WorkQueue<RenderRun>
{
    public const string Kind = "renderRuns";

    static readonly Expression<Func<RenderRun, WorkLease>> LeaseColumns = r => r.Work;
    static readonly Expression<Func<RenderRun, DateTime>> Created = r => r.CreatedAt;
    static readonly Expression<Func<RenderRun, bool>> QueuedOrRunning = r => r.State == RenderRunState.Queued || r.State == RenderRunState.Running;

    public override Expression<Func<RenderRun, WorkLease>> Lease => LeaseColumns;
    public override Expression<Func<RenderRun, DateTime>> CreatedAt => Created;
    public override Expression<Func<RenderRun, bool>> Waiting => QueuedOrRunning;

    public override void OnClaimed(UpdateSettersBuilder<RenderRun> set, DateTime now) => set
        .SetProperty(r => r.State, RenderRunState.Running)
        .SetProperty(r => r.StartedAt, r => r.StartedAt ?? now);

    public override Task ProcessAsync(RenderRun run, CancellationToken ct) => executor.RunAsync(run.Id, ct);

    public override void OnFailed(UpdateSettersBuilder<RenderRun> set, string error, DateTime now) => set
        // Cancelled meanwhile: it stays cancelled.
        .SetProperty(r => r.State, r => r.State == RenderRunState.Cancelled ? RenderRunState.Cancelled : RenderRunState.Failed)
        .SetProperty(r => r.Error, r => r.State == RenderRunState.Cancelled ? r.Error : RenderRunLimits.Trim(error))
        .SetProperty(r => r.FinishedAt, r => r.FinishedAt ?? now);

    public override async Task AfterFailedAsync(RenderRun run, string error, CancellationToken ct)
    {
        if (run.RenderJobId is not { } jobId
            || await db.RenderRuns.Where(r => r.Id == run.Id).Select(r => r.State).SingleAsync(ct) != RenderRunState.Failed)
            return;
        // The run itself failed, not its images: the session's status log says why (as for a run with nothing to render).
        await jobs.ApplyAsync(jobId, run.Sessions.Select(s => s.SessionId).ToList(), RenderRunState.Failed, total: 0, run.Done, run.Failed,
            error, ct);
    }
}

using Microsoft.EntityFrameworkCore;
using System.Linq.Expressions;
using StudioApi.Features.Imaging.RenderProfiles;
using StudioApi.Features.Imaging.RenderRuns;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Background;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Workflow;
using StudioApi.Features.Scheduling;

namespace StudioApi.Features.Imaging.RenderJobs;

/// <summary>
/// Starts render jobs' runs from the status log, the durable stream of status changes, as a stream consumer of the
/// background-work engine (kind <see cref="Kind"/>, settings <c>Background:RenderJobs</c>): the engine reads the entries
/// after its cursor (<see cref="Consumer"/> in EventCursors), and this starts a run for each session that reached an
/// active job's trigger status, in the transaction that moves the cursor, so a change is never lost (a crash before the
/// commit reads it again) nor doubled (the cursor moves with the runs it caused; a second server finds the cursor moved
/// and does nothing). Woken by <see cref="RenderJobWake"/> as soon as a status changes, and polls besides.
/// </summary>
public sealed class RenderJobDispatcher(StudioDbContext db, RenderWorkerSignal signal, IOrderedImages ordered) : StreamConsumer<StatusLogEntry>
{
    public const string Kind = "renderJobs";
    public const string Consumer = "render-jobs";

    static readonly Expression<Func<StatusLogEntry, DateTime>> ChangedAt = e => e.ChangedAt;

    public override Expression<Func<StatusLogEntry, DateTime>> CreatedAt => ChangedAt;

    /// <summary>Reads and handles one batch of the status log now; true when there may be more to read.</summary>
    public static Task<bool> DispatchAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<StreamWorker<RenderJobDispatcher, StatusLogEntry, RenderJobSignal>>().ReadNextBatchAsync(services, ct);

    public override async Task HandleAsync(IReadOnlyList<StatusLogEntry> entries, CancellationToken ct)
    {
        var triggers = entries.Where(e => e.Kind == RecordKind.Session).Select(e => e.ToStatusId).Distinct().ToList();
        var jobs = triggers.Count == 0 ? [] : await db.RenderJobs.AsNoTracking()
            .Where(j => j.Active && triggers.Contains(j.TriggerStatusId)).OrderBy(j => j.Id).ToListAsync(ct);
        // Profiles once per batch, the recycle bin included (a run then fails with the reason).
        var profileIds = jobs.Select(j => j.ProfileId).Distinct().ToList();
        var profiles = profileIds.Count == 0 ? [] : await db.RenderProfiles.IgnoreQueryFilters().AsNoTracking()
            .Where(p => profileIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        foreach (var entry in entries.Where(e => e.Kind == RecordKind.Session))
            // A job reacts to changes made after it was set up, not to history a lagging cursor still had to read.
            foreach (var job in jobs.Where(j => j.TriggerStatusId == entry.ToStatusId && entry.ChangedAt >= j.CreatedAt))
                await StartRunAsync(db, signal, ordered, job, profiles[job.ProfileId], entry.RecordId, ct);
    }

    static async Task StartRunAsync(StudioDbContext db, RenderWorkerSignal signal, IOrderedImages ordered, RenderJob job, RenderProfile profile, long sessionId, CancellationToken ct)
    {
        var session = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId).Select(s => new { s.Id, s.Number }).SingleOrDefaultAsync(ct);
        if (session is null)
            return; // deleted since it reached the status
        try
        {
            if (profile.DeletedAt is not null)
                throw ApiProblem.RuleBroken($"Its render profile '{profile.Name}' is in the recycle bin.");
            await RenderRunPlanner.PlanAsync(db, signal, profile, [sessionId], ordered, RecordAuthor.System, job.Id, ct);
        }
        catch (ApiProblem problem)
        {
            // The run cannot be planned (its profile is in the recycle bin): a failed run still
            // records it, and moves the session to the failure status with the reason.
            db.ChangeTracker.Clear();
            db.RenderRuns.Add(new RenderRun
            {
                ProfileId = profile.Id,
                ProfileName = profile.Name,
                RenderJobId = job.Id,
                Sessions = [new RenderRunSession { SessionId = session.Id, SessionNumber = session.Number }],
                Error = RenderRunLimits.Trim(problem.Detail ?? problem.Title),
                CreatedBy = RecordAuthor.System,
                CreatedAt = db.UtcNow,
            });
            await db.SaveChangesAsync(ct);
            db.AfterCommit(_ =>
            {
                signal.Wake();
                return Task.CompletedTask;
            });
        }
    }
}

/// <summary>Wakes the dispatcher when a session's status changes, so a render job starts at once rather than at the next poll.</summary>
public sealed class RenderJobWake(RenderJobSignal signal) : IStatusChangeHandler
{
    public Task HandleAsync(IReadOnlyList<StatusChanged> changes, CancellationToken ct)
    {
        if (changes.Any(c => c.Kind == RecordKind.Session))
            signal.Wake();
        return Task.CompletedTask;
    }
}

/// <summary>What a render job does when its run ends: moves the session to the success or the failure status, saying why.</summary>
public sealed class RenderJobOutcome(StudioDbContext db, StatusTransitions transitions, ILogger<RenderJobOutcome> log)
{
    public async Task ApplyAsync(long jobId, IReadOnlyList<long> sessionIds, RenderRunState state, int total, int rendered, int failed,
        string? firstError, CancellationToken ct)
    {
        var job = await db.RenderJobs.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, ct);
        if (job is null || state == RenderRunState.Cancelled)
            return;
        var (target, note) = state switch
        {
            RenderRunState.Completed => (job.SuccessStatusId, $"Render job '{job.Name}' finished: {rendered} {Images(rendered)} rendered."),
            _ when total == 0 => (job.FailureStatusId, $"Render job '{job.Name}' failed: {firstError}"),
            _ => (job.FailureStatusId, $"Render job '{job.Name}' finished with errors: {failed} of {total} {Images(total)} failed: {firstError}"),
        };
        if (note.Length > StatusLogEntry.NoteMaxLength)
            note = note[..StatusLogEntry.NoteMaxLength];
        try
        {
            await transitions.ChangeAsync(RecordKind.Session, sessionIds, StatusTarget.To(target), note, ct);
        }
        catch (ApiProblem problem) when (problem.Status == StatusCodes.Status422UnprocessableEntity)
        {
            // The status was deleted since the job was set up: the run's outcome stands; nothing to move to.
            log.LogWarning("Render job {JobId} could not move sessions {Sessions}: {Reason}", jobId, sessionIds, problem.Detail);
        }
    }

    static string Images(int count) => count == 1 ? "image" : "images";
}

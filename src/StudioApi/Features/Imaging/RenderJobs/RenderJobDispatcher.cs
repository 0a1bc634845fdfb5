using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StudioApi.Features.Imaging.RenderProfiles;
using StudioApi.Features.Imaging.RenderRuns;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Background;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Workflow;
using StudioApi.Features.Scheduling;

namespace StudioApi.Features.Imaging.RenderJobs;

/// <summary>
/// Starts render jobs' runs from the status log, the durable stream of status changes: it reads the entries after
/// its cursor, starts a run for each session that reached an active job's trigger status, and moves the cursor, all
/// in one transaction, so a change is never lost (a crash before the commit reads it again) nor doubled (the cursor
/// moves with the runs it caused; a second server finds the cursor moved and does nothing). Woken by
/// <see cref="RenderJobWake"/> as soon as a status changes, and polls besides.
/// </summary>
public sealed class RenderJobDispatcher(IServiceScopeFactory scopes, RenderJobSignal signal, IOptions<RenderingOptions> options,
    ILogger<RenderJobDispatcher> log) : BackgroundService
{
    public const string Consumer = "render-jobs";
    const int BatchSize = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(Math.Max(0.1, options.Value.PollSeconds));
        await signal.WaitAsync(poll, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var more = false;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                more = await DispatchAsync(scope.ServiceProvider, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogWarning(e, "The render-job dispatcher could not read the status log");
            }
            if (!more)
                await signal.WaitAsync(poll, stoppingToken);
        }
    }

    /// <summary>Handles one batch of status-log entries; true when there may be more to read.</summary>
    public static async Task<bool> DispatchAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<StudioDbContext>();
        var signal = services.GetRequiredService<RenderWorkerSignal>();
        if (!await db.EventCursors.AnyAsync(c => c.Consumer == Consumer, ct))
        {
            db.EventCursors.Add(new EventCursor { Consumer = Consumer, LastId = 0 });
            await db.SaveChangesAsync(ct); // two servers starting at once: the loser's unique violation is retried at the next poll
            db.ChangeTracker.Clear();
        }

        return await db.InTransactionAsync(async () =>
        {
            var last = await db.EventCursors.Where(c => c.Consumer == Consumer).Select(c => c.LastId).SingleAsync(ct);
            var entries = await db.StatusLogEntries.AsNoTracking().Where(e => e.Id > last).OrderBy(e => e.Id).Take(BatchSize)
                .Select(e => new { e.Id, e.Kind, e.RecordId, e.ToStatusId, e.ChangedAt })
                .ToListAsync(ct);
            if (entries.Count == 0)
                return false;
            // Claim the batch first: the write takes the lock a second server would need, which then finds the cursor moved.
            var claimed = await db.EventCursors.Where(c => c.Consumer == Consumer && c.LastId == last)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastId, entries[^1].Id), ct);
            if (claimed == 0)
                return true;

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
                    await StartRunAsync(db, signal, job, profiles[job.ProfileId], entry.RecordId, ct);
            return true;
        }, ct);
    }

    static async Task StartRunAsync(StudioDbContext db, RenderWorkerSignal signal, RenderJob job, RenderProfile profile, long sessionId, CancellationToken ct)
    {
        var session = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId).Select(s => new { s.Id, s.Number }).SingleOrDefaultAsync(ct);
        if (session is null)
            return; // deleted since it reached the status
        try
        {
            if (profile.DeletedAt is not null)
                throw ApiProblem.RuleBroken($"Its render profile '{profile.Name}' is in the recycle bin.");
            await RenderRunPlanner.PlanAsync(db, signal, profile, [sessionId], RecordAuthor.System, job.Id, ct);
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

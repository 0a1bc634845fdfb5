using Microsoft.EntityFrameworkCore;
using Quartz;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;
using StudioApi.Platform.Workflow;

namespace StudioApi.Features.Scheduling.Sessions.SessionDate;

/// <summary>
/// Moves sessions whose day has come to their workflow's "change on the session date" status (seed: e.g. from
/// Booked to Photographed on the morning of the shoot). Run by <see cref="SessionDateStatusJob"/> shortly after the
/// studio's day starts and every few minutes after, so a server that was down at midnight catches up; each session is
/// moved once per session date (<see cref="Session.SessionDateStatusAppliedFor"/>), and never backwards: a session
/// already at or past that status in its workflow stays where it is.
/// </summary>
public sealed class SessionDateStatuses(StudioDbContext db, StudioCalendar calendar, StatusTransitions transitions)
{
    /// <summary>Sessions up to this many days old are still moved, so a week-long outage does not skip them; older history is left alone.</summary>
    public const int CatchUpDays = 7;

    public const string Note = "The session date has come.";

    /// <summary>Returns how many sessions changed status.</summary>
    public async Task<int> ApplyAsync(CancellationToken ct)
    {
        var today = await calendar.TodayAsync(ct);
        var earliest = today.AddDays(-CatchUpDays);
        var due = await db.Sessions.AsNoTracking()
            .Where(s => s.Date <= today && s.Date > earliest && !s.Cancelled
                        && (s.SessionDateStatusAppliedFor == null || s.SessionDateStatusAppliedFor != s.Date))
            .Select(s => new { s.Id, s.Date })
            .ToListAsync(ct);
        if (due.Count == 0)
            return 0;

        var changed = 0;
        foreach (var chunk in due.Chunk(StatusTransitions.IdsPerQuery))
        {
            var ids = chunk.Select(s => s.Id).ToList();
            var batch = await transitions.ApplyAsync(RecordKind.Session, ids, workflows => row => Decide(row, workflows), Note, ct);
            changed += batch.Results.Count(r => r.Outcome == StatusChangeOutcome.Changed);
            // Bookkeeping, not an edit: no version bump. Guarded by the date, so a session moved meanwhile is done again on its new day.
            foreach (var day in chunk.GroupBy(s => s.Date))
            {
                var dayIds = day.Select(s => s.Id).ToList();
                var date = day.Key;
                await db.Sessions.Where(s => dayIds.Contains(s.Id) && s.Date == date)
                    .ExecuteUpdateAsync(set => set.SetProperty(s => s.SessionDateStatusAppliedFor, date), ct);
            }
        }
        return changed;
    }

    static StatusTransitions.Decision Decide(WorkflowRecordRow row, KindWorkflows workflows)
    {
        var list = workflows.For(row.TypeId);
        var target = list.FirstOrDefault(s => s.ChangeOnSessionDate && !s.IsInactive);
        if (target is null)
            return StatusTransitions.Decision.Leave(StatusChangeSkipReason.NoStatuses);
        if (row.StatusId is { } currentId)
        {
            var current = list.FirstOrDefault(s => s.Id == currentId);
            if (current is not null && IndexOf(list, current) >= IndexOf(list, target))
                return StatusTransitions.Decision.Leave(StatusChangeSkipReason.AlreadyAtStatus);
        }
        return StatusTransitions.Decision.Move(target);
    }

    static int IndexOf(IReadOnlyList<StatusDefinition> list, StatusDefinition status)
    {
        for (var i = 0; i < list.Count; i++)
            if (list[i].Id == status.Id)
                return i;
        return -1;
    }
}

/// <summary>The Quartz job behind <see cref="SessionDateStatuses"/>.</summary>
[DisallowConcurrentExecution]
public sealed class SessionDateStatusJob(SessionDateStatuses statuses, ILogger<SessionDateStatusJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var changed = await statuses.ApplyAsync(ct);
        if (changed > 0)
            logger.LogInformation("Moved {Count} session(s) to their session-date status", changed);
    }
}

using Microsoft.EntityFrameworkCore;
using Quartz;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Time;

namespace StudioApi.Features.Scheduling.Sessions.Reminders;

/// <summary>
/// Fires session reminders that are due: each exactly once. A reminder's due time is an instant (the session's start
/// instant minus its minutes, see <see cref="Session.ScheduleReminder"/>), so a daylight-saving change cannot make
/// it fire twice or not at all; firing is a guarded UPDATE (only while not yet fired), so two servers or two runs
/// racing fire it once; and the fired reminder is logged in the same transaction.
/// </summary>
public sealed class SessionReminders(StudioDbContext db, TimeProvider clock)
{
    /// <summary>Reminders of sessions that have already ended are not fired late (a server down for a day does not remind of yesterday).</summary>
    public async Task<int> FireDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Sessions.AsNoTracking()
            .Where(s => s.ReminderFiredAt == null && s.ReminderDueAt != null && s.ReminderDueAt <= now && s.EndsAt > now)
            .OrderBy(s => s.ReminderDueAt)
            .Select(s => new { s.Id, s.ReminderDueAt, s.Date, s.StartTime })
            .Take(1000)
            .ToListAsync(ct);
        var fired = 0;
        foreach (var reminder in due)
        {
            fired += await db.InTransactionAsync(async () =>
            {
                var dueAt = reminder.ReminderDueAt;
                var won = await db.Sessions
                    .Where(s => s.Id == reminder.Id && s.ReminderFiredAt == null && s.ReminderDueAt == dueAt)
                    .ExecuteUpdateAsync(set => set.SetProperty(s => s.ReminderFiredAt, now), ct);
                if (won == 0)
                    return 0;
                db.SessionLogEntries.Add(new SessionLogEntry
                {
                    SessionId = reminder.Id,
                    Event = SessionLogEvent.ReminderFired,
                    Text = $"Reminder: the session starts at {WallClock.FormatTime(reminder.StartTime)} on {reminder.Date:yyyy-MM-dd}.",
                    By = RecordAuthor.System,
                    At = now,
                });
                await db.SaveChangesAsync(ct);
                return 1;
            }, ct);
        }
        return fired;
    }
}

/// <summary>The Quartz job behind <see cref="SessionReminders"/>.</summary>
[DisallowConcurrentExecution]
public sealed class SessionReminderJob(SessionReminders reminders) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct) => await reminders.FireDueAsync(ct);
}

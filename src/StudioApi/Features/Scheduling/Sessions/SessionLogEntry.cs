using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Time;

namespace StudioApi.Features.Scheduling.Sessions;

/// <summary>What besides a status change the seed's session status log records.</summary>
public enum SessionLogEvent
{
    /// <summary>The session's date or times changed.</summary>
    Rescheduled,
    Confirmed,
    /// <summary>The confirmed box was cleared.</summary>
    Unconfirmed,
    Cancelled,
    /// <summary>A cancelled session was booked again.</summary>
    Reinstated,
    /// <summary>The session's reminder fired (once).</summary>
    ReminderFired,
}

/// <summary>
/// One entry of a session's status log that is not a status change (those are the workflow's
/// <see cref="Platform.Workflow.StatusLogEntry"/>): append-only, written in the same transaction as the change it records.
/// </summary>
public sealed class SessionLogEntry : IHasId
{
    public const int TextMaxLength = 400;

    public long Id { get; set; }
    public long SessionId { get; set; }
    public SessionLogEvent Event { get; set; }
    public string Text { get; set; } = "";
    public string By { get; set; } = "";
    public DateTime At { get; set; }
}

public sealed class SessionLogEntryConfiguration : IEntityTypeConfiguration<SessionLogEntry>
{
    public void Configure(EntityTypeBuilder<SessionLogEntry> builder)
    {
        builder.ToTable("SessionLogEntries");
        builder.Property(e => e.Event).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.Text).HasMaxLength(SessionLogEntry.TextMaxLength);
        builder.Property(e => e.By).HasMaxLength(100);
        builder.HasOne<Session>().WithMany().HasForeignKey(e => e.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.SessionId, e.Id });
    }
}

/// <summary>Writes the status-log entries a change of a session's fields calls for.</summary>
public static class SessionLog
{
    /// <summary>The fields whose changes the log records, as they were before a change.</summary>
    public readonly record struct Snapshot(DateOnly Date, TimeOnly Start, TimeOnly End, bool Confirmed, bool Cancelled)
    {
        public static Snapshot Of(Session s) => new(s.Date, s.StartTime, s.EndTime, s.Confirmed, s.Cancelled);
    }

    /// <summary>Adds entries for what changed between <paramref name="before"/> (null: a new session) and the session now; the caller saves.</summary>
    public static void RecordChanges(StudioDbContext db, Snapshot? before, Session session, string by)
    {
        void Add(SessionLogEvent e, string text) => db.SessionLogEntries.Add(new SessionLogEntry
        {
            SessionId = session.Id,
            Event = e,
            Text = text,
            By = by,
            At = db.UtcNow,
        });

        if (before is { } b && (b.Date, b.Start, b.End) != (session.Date, session.StartTime, session.EndTime))
            Add(SessionLogEvent.Rescheduled, $"Moved from {When(b.Date, b.Start, b.End)} to {When(session.Date, session.StartTime, session.EndTime)}.");
        if (session.Confirmed != (before?.Confirmed ?? false))
            Add(session.Confirmed ? SessionLogEvent.Confirmed : SessionLogEvent.Unconfirmed,
                session.Confirmed ? $"Confirmed by {by}." : $"Confirmation withdrawn by {by}.");
        if (session.Cancelled != (before?.Cancelled ?? false))
            Add(session.Cancelled ? SessionLogEvent.Cancelled : SessionLogEvent.Reinstated,
                session.Cancelled ? $"Cancelled by {by}." : $"Booked again by {by}.");
    }

    static string When(DateOnly date, TimeOnly start, TimeOnly end) =>
        $"{date:yyyy-MM-dd} {WallClock.FormatTime(start)}–{WallClock.FormatTime(end)}";
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudioApi.Features.Setup.Resources;
using StudioApi.Platform.Auth;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Scheduling.Sessions.CalendarEvents;

/// <summary>
/// An extra line of a session's advanced calendar: another day or time, staff and resource the session occupies
/// (a second sitting, the set-up the day before). The primary line is not stored: it is the session's own date, times,
/// photographer, assistant and resource, so it is always in step with the session and cannot be deleted.
/// </summary>
public sealed class SessionCalendarEvent : AuditedRecord
{
    public long SessionId { get; set; }
    public DateOnly Date { get; set; }
    public TimeOnly StartTime { get; set; }
    public TimeOnly EndTime { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public long? PhotographerId { get; set; }
    public long? AssistantId { get; set; }
    public long? ResourceId { get; set; }
    public string? Description { get; set; }
}

public sealed class SessionCalendarEventConfiguration : IEntityTypeConfiguration<SessionCalendarEvent>
{
    public void Configure(EntityTypeBuilder<SessionCalendarEvent> builder)
    {
        builder.ToTable("SessionCalendarEvents");
        builder.Property(e => e.Description).HasMaxLength(200);
        builder.HasIndex(e => new { e.SessionId, e.StartsAt });
        builder.HasIndex(e => new { e.PhotographerId, e.StartsAt });
        builder.HasIndex(e => new { e.AssistantId, e.StartsAt });
        builder.HasIndex(e => new { e.ResourceId, e.StartsAt });
        builder.HasIndex(e => e.StartsAt);
        builder.HasOne<Session>().WithMany().HasForeignKey(e => e.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.PhotographerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.AssistantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Resource>().WithMany().HasForeignKey(e => e.ResourceId).OnDelete(DeleteBehavior.Restrict);
    }
}

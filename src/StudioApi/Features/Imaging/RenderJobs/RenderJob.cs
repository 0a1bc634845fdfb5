using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudioApi.Features.Imaging.RenderProfiles;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Imaging.RenderJobs;

/// <summary>
/// The seed's automatic render: when a session reaches <see cref="TriggerStatusId"/>, its images are rendered with
/// the profile (a render run), and the session then moves to the success status, or to the failure status with the
/// reason in its status log. See <see cref="RenderJobDispatcher"/> and <see cref="RenderJobOutcome"/>.
/// </summary>
public sealed class RenderJob : AuditedRecord
{
    public const int NameMaxLength = 100;

    public string Name { get; set; } = "";
    public long ProfileId { get; set; }
    public long TriggerStatusId { get; set; }
    public long SuccessStatusId { get; set; }
    public long FailureStatusId { get; set; }
    /// <summary>An inactive job starts no runs; runs it already started still move their sessions on.</summary>
    public bool Active { get; set; } = true;
}

public sealed class RenderJobConfiguration : IEntityTypeConfiguration<RenderJob>
{
    public void Configure(EntityTypeBuilder<RenderJob> builder)
    {
        builder.Property(j => j.Name).HasMaxLength(RenderJob.NameMaxLength);
        builder.HasIndex(j => j.Name).IsUnique().HasFilter("DeletedAt IS NULL");
        builder.HasIndex(j => j.TriggerStatusId);
        builder.HasOne<RenderProfile>().WithMany().HasForeignKey(j => j.ProfileId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>
/// How far a consumer of an append-only stream (the status log) has read: one row per consumer, moved in the same
/// transaction as the work it did, so nothing is lost or done twice across restarts.
/// </summary>
public sealed class EventCursor
{
    public const int ConsumerMaxLength = 50;

    public string Consumer { get; set; } = "";
    public long LastId { get; set; }
}

public sealed class EventCursorConfiguration : IEntityTypeConfiguration<EventCursor>
{
    public void Configure(EntityTypeBuilder<EventCursor> builder)
    {
        builder.HasKey(c => c.Consumer);
        builder.Property(c => c.Consumer).HasMaxLength(EventCursor.ConsumerMaxLength);
    }
}

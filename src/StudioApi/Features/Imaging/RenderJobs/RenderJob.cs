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
        builder.ToTable("RenderJobs");
        builder.Property(j => j.Name).HasMaxLength(RenderJob.NameMaxLength);
        builder.HasIndex(j => j.Name).IsUnique().HasFilter("DeletedAt IS NULL");
        builder.HasIndex(j => j.TriggerStatusId);
        builder.HasOne<RenderProfile>().WithMany().HasForeignKey(j => j.ProfileId).OnDelete(DeleteBehavior.Restrict);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudioApi.Platform.Background;

namespace StudioApi.Features.Imaging.RenderRuns;

public sealed class RenderRunConfiguration : IEntityTypeConfiguration<RenderRun>
{
    public void Configure(EntityTypeBuilder<RenderRun> builder)
    {
        builder.ToTable("RenderRuns");
        builder.Property(r => r.ProfileName).HasMaxLength(100);
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Error).HasMaxLength(RenderRunLimits.ErrorLength);
        builder.Property(r => r.CreatedBy).HasMaxLength(100);
        builder.Property(r => r.ZipSha256).HasMaxLength(64).IsFixedLength();
        builder.OwnsMany(r => r.Sessions, session =>
        {
            session.ToTable("RenderRunSessions");
            session.HasKey("Id");
            session.HasIndex(s => s.SessionId);
        });
        builder.OwnsOne(r => r.Package, package =>
        {
            package.ToTable("RenderRunPackages");
            package.Property(p => p.VolumeName).HasMaxLength(RenderRunLimits.VolumeNameLength);
            package.Property(p => p.IndexFileName).HasMaxLength(12);
            package.Property(p => p.IndexHeader).HasMaxLength(1000);
            package.Property(p => p.Copyright).HasMaxLength(RenderRunLimits.PackageTextLength);
            package.Property(p => p.Readme).HasMaxLength(RenderRunLimits.PackageTextLength);
            // A school's packages (the partner's list), among all the studio's runs.
            package.HasIndex(p => p.OrganizationId);
        });
        builder.HasWorkLease(r => r.Work);
        // The list, newest first, and its filters in that order; the state's also serves the worker's queue (the few
        // runs queued or running among all), the render job's the job's foreign key.
        builder.HasIndex(r => new { r.CreatedAt, r.Id });
        builder.HasIndex(r => new { r.State, r.CreatedAt });
        builder.HasIndex(r => new { r.RenderJobId, r.CreatedAt });
        builder.HasIndex(r => new { r.ProductionOrderId, r.CreatedAt });
    }
}

public sealed class RenderRunItemConfiguration : IEntityTypeConfiguration<RenderRunItem>
{
    public void Configure(EntityTypeBuilder<RenderRunItem> builder)
    {
        builder.ToTable("RenderRunItems");
        builder.Property(i => i.OutputName).HasMaxLength(RenderRunLimits.OutputNameLength);
        builder.Property(i => i.State).HasConversion<string>().HasMaxLength(10);
        builder.Property(i => i.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(i => i.Error).HasMaxLength(RenderRunLimits.ErrorLength);
        builder.Property(i => i.IndexRecord).HasMaxLength(RenderRunLimits.IndexRecordLength);
        builder.HasIndex(i => new { i.RunId, i.State, i.Id });
        builder.HasOne<RenderRun>().WithMany().HasForeignKey(i => i.RunId).OnDelete(DeleteBehavior.Cascade);
        // No key to the image: a run is the record of what was rendered, and must not stop a session's purge.
    }
}

public sealed class RenderRunMissingStudentConfiguration : IEntityTypeConfiguration<RenderRunMissingStudent>
{
    public void Configure(EntityTypeBuilder<RenderRunMissingStudent> builder)
    {
        builder.ToTable("RenderRunMissingStudents");
        builder.Property(m => m.FirstName).HasMaxLength(100);
        builder.Property(m => m.LastName).HasMaxLength(100);
        builder.Property(m => m.StudentId).HasMaxLength(50);
        builder.Property(m => m.Grade).HasMaxLength(20);
        builder.Property(m => m.Homeroom).HasMaxLength(50);
        builder.Property(m => m.Reason).HasMaxLength(200);
        builder.HasIndex(m => new { m.RunId, m.Id });
        builder.HasOne<RenderRun>().WithMany().HasForeignKey(m => m.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

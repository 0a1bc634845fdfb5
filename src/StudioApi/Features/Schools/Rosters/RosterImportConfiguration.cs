using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudioApi.Platform.Background;

namespace StudioApi.Features.Schools.Rosters;

public sealed class RosterImportConfiguration : IEntityTypeConfiguration<RosterImport>
{
    public void Configure(EntityTypeBuilder<RosterImport> builder)
    {
        builder.ToTable("RosterImports");
        builder.Property(i => i.SpecVersion).HasMaxLength(10);
        builder.Property(i => i.Mode).HasConversion<string>().HasMaxLength(10);
        builder.Property(i => i.Format).HasConversion<string>().HasMaxLength(10);
        builder.Property(i => i.State).HasConversion<string>().HasMaxLength(10);
        builder.Property(i => i.Error).HasMaxLength(1000);
        builder.HasWorkLease(i => i.Work);
        builder.HasIndex(i => new { i.OrganizationId, i.CreatedAt });
        // The worker's queue: the few imports queued or running among all.
        builder.HasIndex(i => new { i.State, i.CreatedAt });
        builder.OwnsMany(i => i.Rows, row =>
        {
            row.ToTable("RosterImportRows");
            row.HasKey("Id");
            row.Property(r => r.File).HasMaxLength(40);
            row.Property(r => r.SourcedId).HasMaxLength(255);
            row.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(10);
            row.Property(r => r.Reason).HasMaxLength(500);
        });
    }
}

public sealed class RosterLinkConfiguration : IEntityTypeConfiguration<RosterLink>
{
    public void Configure(EntityTypeBuilder<RosterLink> builder)
    {
        builder.ToTable("RosterLinks");
        builder.Property(l => l.SourcedId).HasMaxLength(255);
        builder.HasIndex(l => new { l.OrganizationId, l.SourcedId }).IsUnique();
        builder.HasIndex(l => l.ClientId);
    }
}

public sealed class RosterImportUploadConfiguration : IEntityTypeConfiguration<RosterImportUpload>
{
    public void Configure(EntityTypeBuilder<RosterImportUpload> builder)
    {
        builder.ToTable("RosterImportUploads");
        builder.Property(u => u.Mapping).HasMaxLength(4000);
        builder.HasIndex(u => u.ImportId).IsUnique();
        builder.HasOne<RosterImport>().WithMany().HasForeignKey(u => u.ImportId).OnDelete(DeleteBehavior.Cascade);
    }
}

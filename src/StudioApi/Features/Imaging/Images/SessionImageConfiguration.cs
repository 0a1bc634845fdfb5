using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudioApi.Features.Clients.Clients;
using StudioApi.Features.Scheduling.Sessions;
using StudioApi.Platform.Background;

namespace StudioApi.Features.Imaging.Images;

public sealed class SessionImageConfiguration : IEntityTypeConfiguration<SessionImage>
{
    public void Configure(EntityTypeBuilder<SessionImage> builder)
    {
        builder.ToTable("SessionImages");
        builder.Property(i => i.OriginalFileName).HasMaxLength(SessionImageLimits.FileNameLength);
        builder.Property(i => i.Format).HasConversion<string>().HasMaxLength(10);
        builder.Property(i => i.ContentType).HasMaxLength(50);
        builder.Property(i => i.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(i => i.CaptureTime).HasMaxLength(19);
        builder.Property(i => i.CameraMake).HasMaxLength(SessionImageLimits.CameraLength);
        builder.Property(i => i.CameraModel).HasMaxLength(SessionImageLimits.CameraLength);
        builder.Property(i => i.StorageKey).HasMaxLength(200);
        builder.Property(i => i.RenditionState).HasConversion<string>().HasMaxLength(10);
        builder.HasWorkLease(i => i.Rendition, columnPrefix: "Rendition");
        builder.Property(i => i.ProofState).HasConversion<string>().HasMaxLength(12);
        builder.Property(i => i.YearbookRole).HasConversion<string>().HasMaxLength(10);
        builder.Property(i => i.YearbookChosenBy).HasConversion<string>().HasMaxLength(10);
        builder.Property(i => i.CropAspectRatio).HasMaxLength(SessionImageLimits.AspectRatioLength);

        // Numbers are never reused, so the index covers the recycle bin too; a duplicate is only one among live images.
        builder.HasIndex(i => new { i.SessionId, i.Number }).IsUnique();
        builder.HasIndex(i => new { i.SessionId, i.Sha256 }).IsUnique().HasFilter("DeletedAt IS NULL");
        // A session's live images by creation (the list's sorts; the capture-time one is an index on an expression,
        // made by hand in SQLite's ListsAtScale migration).
        builder.HasIndex(i => new { i.SessionId, i.CreatedAt, i.Id }).HasFilter("DeletedAt IS NULL");
        // The rendition worker's queue: the few pending images among all.
        builder.HasIndex(i => i.RenditionState);
        // One main and one secondary yearbook image per session, among live images.
        builder.HasIndex(i => new { i.SessionId, i.YearbookRole }).IsUnique().HasFilter("YearbookRole <> 'None' AND DeletedAt IS NULL");

        builder.HasOne<Session>().WithMany().HasForeignKey(i => i.SessionId).OnDelete(DeleteBehavior.Restrict);
        // A client's picture is one of these (configured here: Clients does not know Imaging).
        builder.HasMany<Client>().WithOne().HasForeignKey(c => c.ImageId).OnDelete(DeleteBehavior.Restrict);
    }
}

public static class SessionImageLimits
{
    public const int FileNameLength = 255;
    public const int CameraLength = 100;
    public const int ErrorLength = 1000;
    public const int AspectRatioLength = 20;
}

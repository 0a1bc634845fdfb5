using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudioApi.Features.Clients.Organizations;
using StudioApi.Features.Imaging.Images;
using StudioApi.Features.Imaging.Images.Import;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Imaging.GroupCapture;

/// <summary>
/// A picture-day file that no session of the organization could be found for (or more than one could): kept, checked
/// like any import, until someone files it into a session (assign) or throws it away (discard). Never changed in between.
/// </summary>
public sealed class UnmatchedCapture : AuditedRecord
{
    public long OrganizationId { get; set; }
    public string OriginalFileName { get; set; } = "";
    /// <summary>The picture day the upload was for, when it named one.</summary>
    public DateOnly? PictureDate { get; set; }
    /// <summary>Why no session took it.</summary>
    public string Reason { get; set; } = "";
    public string StorageKey { get; set; } = "";

    // What the import learnt from the bytes, so filing it later needs no second look at the file.
    public ImageFormat Format { get; set; }
    public long ByteSize { get; set; }
    public string Sha256 { get; set; } = "";
    public int Width { get; set; }
    public int Height { get; set; }
    public int? Orientation { get; set; }
    public string? CaptureTime { get; set; }
    public string? CameraMake { get; set; }
    public string? CameraModel { get; set; }

    public ImageFacts Facts => new(Format, ByteSize, Sha256, new ImageHeader(Width, Height, Orientation, CaptureTime, CameraMake, CameraModel));
}

public sealed class UnmatchedCaptureConfiguration : IEntityTypeConfiguration<UnmatchedCapture>
{
    public const int ReasonLength = 500;

    public void Configure(EntityTypeBuilder<UnmatchedCapture> builder)
    {
        builder.ToTable("UnmatchedCaptures");
        builder.Property(c => c.OriginalFileName).HasMaxLength(SessionImageLimits.FileNameLength);
        builder.Property(c => c.Reason).HasMaxLength(ReasonLength);
        builder.Property(c => c.StorageKey).HasMaxLength(200);
        builder.Property(c => c.Format).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(c => c.CaptureTime).HasMaxLength(19);
        builder.Property(c => c.CameraMake).HasMaxLength(SessionImageLimits.CameraLength);
        builder.Property(c => c.CameraModel).HasMaxLength(SessionImageLimits.CameraLength);
        // The same file uploaded again (a retry) is held once.
        builder.HasIndex(c => new { c.OrganizationId, c.Sha256 }).IsUnique().HasFilter("DeletedAt IS NULL");
        // An organization's captures in either order the list offers.
        builder.HasIndex(c => new { c.OrganizationId, c.CreatedAt, c.Id }).HasFilter("DeletedAt IS NULL");
        builder.HasIndex(c => new { c.OrganizationId, c.OriginalFileName, c.Id }).HasFilter("DeletedAt IS NULL");
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

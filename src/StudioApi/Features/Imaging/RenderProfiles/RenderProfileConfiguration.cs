using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace StudioApi.Features.Imaging.RenderProfiles;

public sealed class RenderProfileConfiguration : IEntityTypeConfiguration<RenderProfile>
{
    public void Configure(EntityTypeBuilder<RenderProfile> builder)
    {
        builder.ToTable("RenderProfiles");
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.Property(p => p.Format).HasConversion<string>().HasMaxLength(10);
        builder.Property(p => p.ColourSpace).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Sharpening).HasConversion<string>().HasMaxLength(10);
        builder.Property(p => p.Images).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.FileNamePattern).HasMaxLength(200);
        builder.ComplexProperty(p => p.Size, size =>
        {
            size.Property(s => s.Mode).HasConversion<string>().HasMaxLength(10);
            size.Property(s => s.Fit).HasConversion<string>().HasMaxLength(10);
        });
        builder.ComplexProperty(p => p.Watermark, watermark =>
        {
            watermark.Property(w => w.Kind).HasConversion<string>().HasMaxLength(10);
            watermark.Property(w => w.Position).HasConversion<string>().HasMaxLength(20);
            watermark.Property(w => w.Text).HasMaxLength(100);
        });
        // A name means one live profile; one in the recycle bin does not block reusing it.
        builder.HasIndex(p => p.Name).IsUnique().HasFilter("DeletedAt IS NULL");
    }
}

public sealed class RenderProfileWatermarkImageConfiguration : IEntityTypeConfiguration<RenderProfileWatermarkImage>
{
    public void Configure(EntityTypeBuilder<RenderProfileWatermarkImage> builder)
    {
        builder.ToTable("RenderProfileWatermarkImages");
        builder.HasKey(w => w.RenderProfileId);
        builder.Property(w => w.RenderProfileId).ValueGeneratedNever();
        builder.Property(w => w.Png).HasMaxLength(RenderProfileWatermarkImageLimits.MaxBytes);
        builder.HasOne<RenderProfile>().WithOne().HasForeignKey<RenderProfileWatermarkImage>(w => w.RenderProfileId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}

public static class RenderProfileWatermarkImageLimits
{
    public const int MaxBytes = 1024 * 1024;
    /// <summary>A small PNG can decode to a huge image; a watermark has no use for more than this.</summary>
    public const long MaxPixels = 4096L * 4096;
}

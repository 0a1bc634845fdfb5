using StudioApi.Features.Imaging.Processing;
using StudioApi.Platform.Http;


namespace StudioApi.Features.Imaging.RenderProfiles;

public sealed class RenderProfileResponse : RecordResponse
{
    public required string Name { get; init; }
    public required RenderSize Size { get; init; }
    public required OutputFormat Format { get; init; }
    public required int Quality { get; init; }
    public required int Dpi { get; init; }
    public required ColourSpace ColourSpace { get; init; }
    public required Sharpening Sharpening { get; init; }
    public required RenderWatermarkResponse Watermark { get; init; }
    public required string FileNamePattern { get; init; }
    public required RenderImageSelection Images { get; init; }
    public required bool HonourCrops { get; init; }

    public static RenderProfileResponse From(RenderProfile p) => new RenderProfileResponse
    {
        Name = p.Name,
        Size = p.Size,
        Format = p.Format,
        Quality = p.Quality,
        Dpi = p.Dpi,
        ColourSpace = p.ColourSpace,
        Sharpening = p.Sharpening,
        Watermark = new RenderWatermarkResponse
        {
            Kind = p.Watermark.Kind,
            Text = p.Watermark.Text,
            Opacity = p.Watermark.Opacity,
            Position = p.Watermark.Position,
            Size = p.Watermark.Size,
            Image = p.Watermark.ImageSizeBytes is { } bytes
                ? new WatermarkImageInfo { WidthPx = p.Watermark.ImageWidthPx ?? 0, HeightPx = p.Watermark.ImageHeightPx ?? 0, SizeBytes = bytes }
                : null,
        },
        FileNamePattern = p.FileNamePattern,
        Images = p.Images,
        HonourCrops = p.HonourCrops,
    }.WithAudit(p);
}

public sealed class RenderWatermarkResponse
{
    public required WatermarkKind Kind { get; init; }
    public string? Text { get; init; }
    public required double Opacity { get; init; }
    public required WatermarkPosition Position { get; init; }
    public required double Size { get; init; }
    /// <summary>The uploaded watermark PNG (GET /render-profiles/{id}/watermark), or null if none is uploaded.</summary>
    public WatermarkImageInfo? Image { get; init; }
}

public sealed class WatermarkImageInfo
{
    public required int WidthPx { get; init; }
    public required int HeightPx { get; init; }
    public required int SizeBytes { get; init; }
}

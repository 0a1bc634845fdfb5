using StudioApi.Features.Imaging.Processing;
using StudioApi.Platform.Persistence;


namespace StudioApi.Features.Imaging.RenderProfiles;

/// <summary>
/// How to render a batch of images for one purpose (proofs for the web, lab prints, yearbook files): size, format,
/// colour, sharpening, watermark, file names and which images. Render runs and render jobs use it.
/// </summary>
public sealed class RenderProfile : AuditedRecord
{
    public string Name { get; set; } = "";
    public RenderSize Size { get; set; } = new();
    public OutputFormat Format { get; set; } = OutputFormat.Jpeg;
    /// <summary>JPEG quality, 1–100.</summary>
    public int Quality { get; set; } = 90;
    /// <summary>Written into the file's resolution, so a lab prints at the intended size.</summary>
    public int Dpi { get; set; } = 300;
    public ColourSpace ColourSpace { get; set; } = ColourSpace.Srgb;
    public Sharpening Sharpening { get; set; } = Sharpening.None;
    public RenderWatermark Watermark { get; set; } = new();
    /// <summary>Each file's name, e.g. {sessionNumber}-{imageNumber}; see <see cref="Processing.FileNamePattern.Fields"/>.</summary>
    public string FileNamePattern { get; set; } = "{sessionNumber}-{imageNumber}";
    public RenderImageSelection Images { get; set; } = RenderImageSelection.All;
    /// <summary>Whether the crop set while proofing is applied (false renders the whole frame).</summary>
    public bool HonourCrops { get; set; } = true;

    public RenderSettings ToSettings(byte[]? watermarkPng) => new()
    {
        SizeMode = Size.Mode,
        LongEdgePx = Size.LongEdgePx ?? 0,
        WidthPx = Size.WidthPx ?? 0,
        HeightPx = Size.HeightPx ?? 0,
        BoxFit = Size.Fit,
        Format = Format,
        Quality = Quality,
        Dpi = Dpi,
        ColourSpace = ColourSpace,
        Sharpening = Sharpening,
        Watermark = new WatermarkSettings
        {
            Kind = Watermark.Kind,
            Text = Watermark.Text,
            Image = watermarkPng,
            Opacity = Watermark.Opacity,
            Position = Watermark.Position,
            Size = Watermark.Size,
        },
    };
}

/// <summary>The output size: a long edge, or an exact box.</summary>
public sealed class RenderSize
{
    public SizeMode Mode { get; set; } = SizeMode.LongEdge;
    /// <summary>Pixels of the longer edge (longEdge mode).</summary>
    public int? LongEdgePx { get; set; } = 1600;
    /// <summary>Box width in pixels (box mode).</summary>
    public int? WidthPx { get; set; }
    /// <summary>Box height in pixels (box mode).</summary>
    public int? HeightPx { get; set; }
    /// <summary>Box mode: fit inside the box whole, or fill it exactly with a centre crop.</summary>
    public BoxFit Fit { get; set; } = BoxFit.Fit;
}

public sealed class RenderWatermark
{
    public WatermarkKind Kind { get; set; } = WatermarkKind.None;
    public string? Text { get; set; }
    /// <summary>0.05 (faint) to 1 (opaque).</summary>
    public double Opacity { get; set; } = 0.5;
    public WatermarkPosition Position { get; set; } = WatermarkPosition.BottomRight;
    /// <summary>Text: lettering height as a fraction of the picture's short edge. Image: its width as a fraction of the picture's width.</summary>
    public double Size { get; set; } = 0.1;
    /// <summary>The uploaded watermark PNG's pixel size and bytes (null until one is uploaded); the bytes live in <see cref="RenderProfileWatermarkImage"/>.</summary>
    public int? ImageWidthPx { get; set; }
    public int? ImageHeightPx { get; set; }
    public int? ImageSizeBytes { get; set; }
}

/// <summary>Which of a session's images a profile renders.</summary>
public enum RenderImageSelection
{
    All,
    /// <summary>Proof state selected.</summary>
    Selected,
    Favorites,
    /// <summary>The main and secondary yearbook images.</summary>
    Yearbook,
    /// <summary>The images on the session's production orders (a run of one production order renders its lines, each cut and sized as ordered).</summary>
    Ordered,
}

/// <summary>An image watermark's PNG, kept apart from the profile so that listing profiles does not load it.</summary>
public sealed class RenderProfileWatermarkImage
{
    public long RenderProfileId { get; set; }
    public byte[] Png { get; set; } = [];
}

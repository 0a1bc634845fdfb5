namespace StudioApi.Features.Imaging.Processing;

/// <summary>How a render sizes its output.</summary>
public enum SizeMode
{
    /// <summary>The longer edge becomes <c>LongEdgePx</c>; the other follows the aspect ratio.</summary>
    LongEdge,
    /// <summary>An exact box of <c>WidthPx</c> × <c>HeightPx</c>, filled as <see cref="BoxFit"/> says.</summary>
    Box,
}

/// <summary>How an image goes into a box.</summary>
public enum BoxFit
{
    /// <summary>Inside the box, whole: one edge may come out shorter (no letterbox bars are added).</summary>
    Fit,
    /// <summary>Covers the box, the overflow cropped evenly from both sides (centre crop): exactly the box.</summary>
    Fill,
}

public enum OutputFormat
{
    Jpeg,
    Png,
    Tiff,
}

/// <summary>
/// The colour space written into the file (with its ICC profile embedded). These are the profiles libvips has built in:
/// Adobe RGB is not among them, so it is not offered.
/// </summary>
public enum ColourSpace
{
    /// <summary>sRGB: screens, the web and most labs.</summary>
    Srgb,
    /// <summary>Display P3: the wider gamut of recent phones, tablets and Macs.</summary>
    DisplayP3,
}

public enum Sharpening
{
    None,
    Light,
    Medium,
    Strong,
}

public enum WatermarkKind
{
    None,
    Text,
    Image,
}

public enum WatermarkPosition
{
    Center,
    TopLeft,
    TopRight,
    BottomLeft,
    BottomRight,
}

/// <summary>Everything a render needs from a profile: pure values, no database.</summary>
public sealed record RenderSettings
{
    public SizeMode SizeMode { get; init; } = SizeMode.LongEdge;
    public int LongEdgePx { get; init; } = 1600;
    public int WidthPx { get; init; }
    public int HeightPx { get; init; }
    public BoxFit BoxFit { get; init; } = BoxFit.Fit;
    public OutputFormat Format { get; init; } = OutputFormat.Jpeg;
    /// <summary>JPEG quality, 1–100 (TIFF is written with lossless LZW; PNG is lossless).</summary>
    public int Quality { get; init; } = 90;
    public int Dpi { get; init; } = 300;
    public ColourSpace ColourSpace { get; init; } = ColourSpace.Srgb;
    public Sharpening Sharpening { get; init; } = Sharpening.None;
    public WatermarkSettings Watermark { get; init; } = new();
}

public sealed record WatermarkSettings
{
    public WatermarkKind Kind { get; init; } = WatermarkKind.None;
    public string? Text { get; init; }
    /// <summary>The PNG of an image watermark.</summary>
    public byte[]? Image { get; init; }
    /// <summary>0 (invisible) to 1 (opaque).</summary>
    public double Opacity { get; init; } = 0.5;
    public WatermarkPosition Position { get; init; } = WatermarkPosition.BottomRight;
    /// <summary>
    /// How big: for text, the height of the lettering as a fraction of the picture's short edge; for an image, its
    /// width as a fraction of the picture's width.
    /// </summary>
    public double Size { get; init; } = 0.1;
}

/// <summary>What the studio did to one image while proofing.</summary>
/// <param name="Rotation">Clockwise degrees on top of the EXIF orientation: 0, 90, 180 or 270.</param>
/// <param name="Crop">The part to keep, normalized to the upright, rotated picture; null keeps all of it.</param>
public sealed record ImageAdjustments(int Rotation = 0, NormalizedRect? Crop = null)
{
    public static readonly ImageAdjustments None = new();
}

/// <summary>A rectangle in fractions of the picture's width and height (0..1), top-left origin.</summary>
public sealed record NormalizedRect(double X, double Y, double Width, double Height);

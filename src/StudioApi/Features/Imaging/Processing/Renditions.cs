using NetVips;

namespace StudioApi.Features.Imaging.Processing;

/// <summary>The preview and thumbnail every imported image gets: auto-oriented, sRGB, JPEG, metadata stripped.</summary>
public static class Renditions
{
    public const int PreviewEdge = 1600;
    public const int ThumbnailEdge = 320;
    public const int Quality = 85;

    /// <summary>
    /// One decode for both: the file is shrunk while decoding straight to the preview (converted to sRGB from its own
    /// profile), which is held in memory and shrunk again for the thumbnail. Decoding a 24-megapixel JPEG is most of
    /// the work, so doing it once instead of twice is most of the saving.
    /// </summary>
    public static void MakePreviewAndThumbnail(string sourcePath, Stream previewStream, Stream thumbnailStream,
        int previewEdge = PreviewEdge, int thumbnailEdge = ThumbnailEdge)
    {
        using var preview = Image.Thumbnail(sourcePath, previewEdge, height: previewEdge, size: Enums.Size.Down,
            outputProfile: SrgbConversion(sourcePath), intent: Enums.Intent.Perceptual);
        // Read twice below: a decoded copy in memory, or the second read would be "out of order" on the file.
        using var decoded = preview.CopyMemory();
        decoded.JpegsaveStream(previewStream, q: Quality, optimizeCoding: true, keep: Enums.ForeignKeep.None);
        using var thumbnail = decoded.ThumbnailImage(thumbnailEdge, height: thumbnailEdge, size: Enums.Size.Down, noRotate: true);
        thumbnail.JpegsaveStream(thumbnailStream, q: Quality, optimizeCoding: true, keep: Enums.ForeignKeep.None);
    }

    /// <summary>
    /// "srgb" when the file must be converted: it embeds a profile (Adobe RGB, Display P3…) or is CMYK. A file without
    /// one is sRGB already (what cameras write into EXIF), and converting it to itself costs a colour transform per pixel.
    /// </summary>
    public static string? SrgbConversion(string sourcePath)
    {
        // Opening reads the header only; no pixels are decoded.
        using var header = Image.NewFromFile(sourcePath);
        return header.Contains("icc-profile-data") || header.Interpretation == Enums.Interpretation.Cmyk ? "srgb" : null;
    }
}

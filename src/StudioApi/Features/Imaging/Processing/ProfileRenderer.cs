using NetVips;

namespace StudioApi.Features.Imaging.Processing;

/// <summary>
/// Renders one image as a render profile says: auto-oriented, rotated and cropped as proofed, sized, converted to the
/// profile's colour space (its ICC profile embedded), sharpened, watermarked, stamped with the DPI and saved with no
/// other metadata. Pure: a file in, bytes out.
/// </summary>
public static class ProfileRenderer
{
    public static void Render(string sourcePath, RenderSettings settings, ImageAdjustments adjustments, Stream output)
    {
        // Every image made on the way is native memory the GC does not see: each is disposed at the end.
        using var owned = new OwnedImages();
        var image = owned.Add(LoadSized(sourcePath, settings, adjustments, owned));
        var hadAlpha = image.HasAlpha();

        image = owned.Add(ToColourSpace(image, settings.ColourSpace, owned));
        if (SharpenSigma(settings.Sharpening) is { } sigma)
            image = owned.Add(image.Sharpen(sigma: sigma));
        image = Watermark(image, settings.Watermark, owned);

        if (image.HasAlpha() && (settings.Format == OutputFormat.Jpeg || !hadAlpha))
            image = owned.Add(settings.Format == OutputFormat.Jpeg
                ? image.Flatten(background: [255, 255, 255])
                : image.ExtractBand(0, n: image.Bands - 1));
        if (image.Format != Enums.BandFormat.Uchar)
            image = owned.Add(image.Cast(Enums.BandFormat.Uchar));

        var pixelsPerMm = settings.Dpi / 25.4;
        image = owned.Add(image.Copy(xres: pixelsPerMm, yres: pixelsPerMm));
        Save(image, settings, output);
    }

    static Image LoadSized(string sourcePath, RenderSettings settings, ImageAdjustments adjustments, OwnedImages owned)
    {
        var (width, height) = settings.SizeMode == SizeMode.Box
            ? (settings.WidthPx, settings.HeightPx)
            : (settings.LongEdgePx, settings.LongEdgePx);
        Enums.Interesting? fill = settings.SizeMode == SizeMode.Box && settings.BoxFit == BoxFit.Fill
            ? Enums.Interesting.Centre
            : null;
        var angle = Angle(adjustments.Rotation);

        if (adjustments.Crop is null)
        {
            // The fast path: shrink while decoding, oriented by EXIF. A quarter turn afterwards swaps the box's edges.
            var quarterTurn = adjustments.Rotation is 90 or 270;
            var thumbnail = Image.Thumbnail(sourcePath, quarterTurn ? height : width, height: quarterTurn ? width : height,
                size: Enums.Size.Both, crop: fill);
            if (angle is not { } a)
                return thumbnail;
            // Turning reads the pixels out of order, which a file being decoded as it streams cannot do: turn a copy
            // in memory (small: it is already at the output size).
            var inMemory = owned.Add(owned.Add(thumbnail).CopyMemory());
            return inMemory.Rot(a);
        }

        // The crop is drawn on the picture as proofed (upright, then rotated), so it is cut after both, then sized.
        var crop = adjustments.Crop;
        var image = ShrunkForCrop(sourcePath, settings, adjustments.Rotation, crop, owned);
        if (image is null)
        {
            image = owned.Add(Image.NewFromFile(sourcePath));
            image = owned.Add(image.Autorot());
        }
        if (angle is { } turn)
            image = owned.Add(image.Rot(turn));
        var left = Math.Clamp((int)Math.Round(crop.X * image.Width), 0, image.Width - 1);
        var top = Math.Clamp((int)Math.Round(crop.Y * image.Height), 0, image.Height - 1);
        var cropWidth = Math.Clamp((int)Math.Round(crop.Width * image.Width), 1, image.Width - left);
        var cropHeight = Math.Clamp((int)Math.Round(crop.Height * image.Height), 1, image.Height - top);
        image = owned.Add(image.ExtractArea(left, top, cropWidth, cropHeight));
        return image.ThumbnailImage(width, height: height, size: Enums.Size.Both, crop: fill, noRotate: true);
    }

    /// <summary>
    /// The whole picture, upright, made just large enough for the cut part to cover the output, when that is at most half
    /// its full size: shrunk while decoding (a JPEG decodes at 1/2, 1/4 or 1/8), so a small print of a big photo does not
    /// decode every pixel. Null when the cut part is not that much larger than the output (decode it at full size).
    /// </summary>
    static Image? ShrunkForCrop(string sourcePath, RenderSettings settings, int rotation, NormalizedRect crop, OwnedImages owned)
    {
        int width, height;
        using (var header = Image.NewFromFile(sourcePath, access: Enums.Access.Sequential))
        {
            var orientation = header.Contains("orientation") ? (int)header.Get("orientation") : 1;
            (width, height) = orientation is >= 5 and <= 8 ? (header.Height, header.Width) : (header.Width, header.Height);
        }
        // The cut part's pixels in the proofed frame (a quarter turn swaps the edges).
        var (frameWidth, frameHeight) = rotation is 90 or 270 ? (height, width) : (width, height);
        var (cutWidth, cutHeight) = (crop.Width * frameWidth, crop.Height * frameHeight);
        if (cutWidth < 1 || cutHeight < 1)
            return null;
        var scale = settings.SizeMode == SizeMode.Box
            ? settings.BoxFit == BoxFit.Fill
                ? Math.Max(settings.WidthPx / cutWidth, settings.HeightPx / cutHeight)
                : Math.Min(settings.WidthPx / cutWidth, settings.HeightPx / cutHeight)
            : settings.LongEdgePx / Math.Max(cutWidth, cutHeight);
        if (scale > 0.5)
            return null;
        // A pixel or two to spare: the cut part must not come out a pixel short of the output.
        var image = owned.Add(Image.Thumbnail(sourcePath, (int)Math.Ceiling(width * scale) + 2, height: (int)Math.Ceiling(height * scale) + 2,
            size: Enums.Size.Down));
        // In memory (it is small now): turning and cutting read it out of order, which a file being decoded cannot do.
        return owned.Add(image.CopyMemory());
    }

    /// <summary>The libvips turn for a proofing rotation; null for none.</summary>
    internal static Enums.Angle? Angle(int rotation) => rotation switch
    {
        0 => null,
        90 => Enums.Angle.D90,
        180 => Enums.Angle.D180,
        270 => Enums.Angle.D270,
        _ => throw new ArgumentOutOfRangeException(nameof(rotation), rotation, "Rotation is 0, 90, 180 or 270."),
    };

    /// <summary>The ICC profile name libvips has built in for a colour space.</summary>
    public static string ProfileName(ColourSpace colourSpace) => colourSpace switch
    {
        ColourSpace.DisplayP3 => "p3",
        _ => "srgb",
    };

    /// <summary>Converts from the file's own profile (or sRGB / CMYK when it has none) into the target, attaching it.</summary>
    static Image ToColourSpace(Image image, ColourSpace colourSpace, OwnedImages owned)
    {
        if (image.Interpretation is Enums.Interpretation.Bw or Enums.Interpretation.Grey16)
            image = owned.Add(image.Colourspace(Enums.Interpretation.Srgb));
        var fallback = image.Interpretation == Enums.Interpretation.Cmyk ? "cmyk" : "srgb";
        return image.IccTransform(ProfileName(colourSpace), embedded: true, inputProfile: fallback,
            intent: Enums.Intent.Perceptual);
    }

    static double? SharpenSigma(Sharpening sharpening) => sharpening switch
    {
        Sharpening.Light => 0.5,
        Sharpening.Medium => 1.0,
        Sharpening.Strong => 1.5,
        _ => null,
    };

    static Image Watermark(Image image, WatermarkSettings watermark, OwnedImages owned)
    {
        var overlay = watermark.Kind switch
        {
            WatermarkKind.Text when !string.IsNullOrWhiteSpace(watermark.Text) => TextOverlay(image, watermark, owned),
            WatermarkKind.Image when watermark.Image is { Length: > 0 } => ImageOverlay(image, watermark, owned),
            _ => null,
        };
        if (overlay is null)
            return image;

        var margin = (int)Math.Round(Math.Min(image.Width, image.Height) * 0.03);
        var (x, y) = watermark.Position switch
        {
            WatermarkPosition.TopLeft => (margin, margin),
            WatermarkPosition.TopRight => (image.Width - overlay.Width - margin, margin),
            WatermarkPosition.BottomLeft => (margin, image.Height - overlay.Height - margin),
            WatermarkPosition.BottomRight => (image.Width - overlay.Width - margin, image.Height - overlay.Height - margin),
            _ => ((image.Width - overlay.Width) / 2, (image.Height - overlay.Height) / 2),
        };
        return owned.Add(image.Composite2(overlay, Enums.BlendMode.Over, x: Math.Max(0, x), y: Math.Max(0, y)));
    }

    /// <summary>White lettering over a dark shadow, so it reads on light and dark pictures alike.</summary>
    static Image TextOverlay(Image image, WatermarkSettings watermark, OwnedImages owned)
    {
        var textHeight = Math.Max(8, (int)Math.Round(Math.Min(image.Width, image.Height) * watermark.Size));
        // Given both a width and a height, libvips picks the font size that fits the box.
        var mask = owned.Add(Image.Text(watermark.Text!, font: "sans bold", width: Math.Max(8, (int)(image.Width * 0.9)),
            height: textHeight));
        var shadowOffset = Math.Max(1, mask.Height / 20);
        var padded = owned.Add(mask.Embed(0, 0, mask.Width + shadowOffset, mask.Height + shadowOffset));
        var shadowMask = owned.Add(mask.Embed(shadowOffset, shadowOffset, mask.Width + shadowOffset, mask.Height + shadowOffset));

        var textAlpha = owned.Add(owned.Add(padded * watermark.Opacity).Cast(Enums.BandFormat.Uchar));
        var shadowAlpha = owned.Add(owned.Add(shadowMask * (watermark.Opacity * 0.6)).Cast(Enums.BandFormat.Uchar));
        var white = owned.Add(padded.NewFromImage(255, 255, 255));
        var black = owned.Add(padded.NewFromImage(0, 0, 0));
        var text = owned.Add(owned.Add(white.Bandjoin(textAlpha)).Copy(interpretation: Enums.Interpretation.Srgb));
        var shadow = owned.Add(owned.Add(black.Bandjoin(shadowAlpha)).Copy(interpretation: Enums.Interpretation.Srgb));
        return owned.Add(shadow.Composite2(text, Enums.BlendMode.Over));
    }

    static Image ImageOverlay(Image image, WatermarkSettings watermark, OwnedImages owned)
    {
        var mark = owned.Add(Image.NewFromBuffer(watermark.Image!));
        if (mark.Interpretation != Enums.Interpretation.Srgb)
            mark = owned.Add(mark.Colourspace(Enums.Interpretation.Srgb));
        if (!mark.HasAlpha())
            mark = owned.Add(mark.Bandjoin(255));
        var scale = Math.Min(image.Width * watermark.Size / mark.Width, (double)image.Height / mark.Height);
        mark = owned.Add(mark.Resize(scale));
        // Fade the alpha band only.
        mark = owned.Add(mark.Linear([1, 1, 1, watermark.Opacity], [0, 0, 0, 0]));
        return owned.Add(owned.Add(mark.Cast(Enums.BandFormat.Uchar)).Copy(interpretation: Enums.Interpretation.Srgb));
    }

    /// <summary>
    /// libvips keeps the resolution of a JPEG in its EXIF block, which is stripped here, and writes no JFIF header
    /// then; a JFIF header right after the start marker carries the DPI the way labs and Photoshop read it.
    /// </summary>
    static void WriteWithDpi(byte[] jpeg, int dpi, Stream output)
    {
        output.Write(jpeg, 0, 2); // SOI
        if (jpeg is [_, _, 0xFF, 0xE0, ..])
        {
            output.Write(jpeg, 2, jpeg.Length - 2);
            return;
        }
        byte high = (byte)(dpi >> 8), low = (byte)(dpi & 0xFF);
        output.Write([0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x01, high, low, high, low, 0x00, 0x00]);
        output.Write(jpeg, 2, jpeg.Length - 2);
    }

    static void Save(Image image, RenderSettings settings, Stream output)
    {
        // Only the colour profile travels with the file: no EXIF (camera serials, GPS), no XMP.
        switch (settings.Format)
        {
            case OutputFormat.Png:
                image.PngsaveStream(output, keep: Enums.ForeignKeep.Icc);
                break;
            case OutputFormat.Tiff:
                image.TiffsaveStream(output, compression: Enums.ForeignTiffCompression.Lzw,
                    predictor: Enums.ForeignTiffPredictor.Horizontal, resunit: Enums.ForeignTiffResunit.Inch,
                    keep: Enums.ForeignKeep.Icc);
                break;
            default:
                var jpeg = image.JpegsaveBuffer(q: settings.Quality, optimizeCoding: true, keep: Enums.ForeignKeep.Icc);
                WriteWithDpi(jpeg, settings.Dpi, output);
                break;
        }
    }
}

/// <summary>The images a pipeline made, disposed together when it ends.</summary>
sealed class OwnedImages : IDisposable
{
    readonly List<Image> images = [];

    public Image Add(Image image)
    {
        images.Add(image);
        return image;
    }

    public void Dispose()
    {
        foreach (var image in images)
            image.Dispose();
        images.Clear();
    }
}

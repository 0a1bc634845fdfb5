using System.Globalization;
using NetVips;
using StudioApi.Platform.Http.Problems;

namespace StudioApi.Features.Imaging.Images;

/// <summary>What an uploaded file is, judged by its bytes and its header, never by its name.</summary>
public static class ImageInspection
{
    /// <summary>Enough leading bytes to recognise every accepted format.</summary>
    public const int SniffLength = 16;

    public static ImageFormat? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
            return ImageFormat.Jpeg;
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
            return ImageFormat.Png;
        if (head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8))
            return ImageFormat.Tiff;
        // ISO base media: a box of type ftyp whose major brand is one of HEIF's.
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = System.Text.Encoding.ASCII.GetString(head[8..12]);
            if (brand is "heic" or "heix" or "heim" or "heis" or "hevc" or "hevx" or "mif1" or "msf1")
                return ImageFormat.Heic;
        }
        return null;
    }

    public static string ContentType(ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => "image/jpeg",
        ImageFormat.Png => "image/png",
        ImageFormat.Tiff => "image/tiff",
        _ => "image/heic",
    };

    public static string Extension(ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => "jpg",
        ImageFormat.Png => "png",
        ImageFormat.Tiff => "tif",
        _ => "heic",
    };

    /// <summary>
    /// Reads the header (size and EXIF) without decoding, refuses a decoded size above <paramref name="maxPixels"/> before
    /// any pixel is decoded, then decodes a small shrink-on-load thumbnail to prove the whole file is readable
    /// (a truncated JPEG, or one whose scan holds fewer rows than its header says, has a perfectly good header).
    /// </summary>
    public static ImageHeader Inspect(string path, long maxPixels)
    {
        ImageHeader header;
        try
        {
            using var image = Image.NewFromFile(path, access: Enums.Access.Sequential);
            header = new ImageHeader(image.Width, image.Height,
                IntField(image, "orientation") is >= 1 and <= 8 and var o ? o : null,
                CaptureTime(ExifText(image, "exif-ifd2-DateTimeOriginal")),
                Clip(ExifText(image, "exif-ifd0-Make"), SessionImageLimits.CameraLength),
                Clip(ExifText(image, "exif-ifd0-Model"), SessionImageLimits.CameraLength));
        }
        catch (VipsException e)
        {
            throw Unreadable(e);
        }

        if ((long)header.Width * header.Height > maxPixels)
            throw ApiProblem.RuleBroken(
                $"The image is {header.Width} × {header.Height} pixels; at most {maxPixels:N0} pixels are accepted.");

        // Strict first: libjpeg reports a scan that ends before the rows its header promises ("premature end of data
        // segment") only as a warning, and fills the missing rows with grey: an 1800 × 9000 image of 1800 × 1200 pixels.
        try
        {
            DecodeWhole(path, Enums.FailOn.Warning);
        }
        catch (VipsException strict) when (!LosesPixels(strict))
        {
            // A warning that costs no pixels (extraneous bytes before a marker, which real camera files carry): the file
            // is fine if it decodes whole.
            try
            {
                DecodeWhole(path, Enums.FailOn.Truncated);
            }
            catch (VipsException e)
            {
                throw Unreadable(e);
            }
        }
        catch (VipsException e)
        {
            throw Unreadable(e);
        }
        return header;
    }

    /// <summary>Decodes a small shrink-on-load thumbnail; images are lazy, so computing its average decodes the whole file.</summary>
    static void DecodeWhole(string path, Enums.FailOn failOn)
    {
        using var check = Image.Thumbnail(path, 32, failOn: failOn);
        check.Avg();
    }

    /// <summary>
    /// libjpeg's warnings that mean rows or blocks were made up rather than decoded: the scan ends early or its entropy
    /// data is corrupt. libvips passes on only the first warning of a file, as the last line of its error text.
    /// </summary>
    static bool LosesPixels(VipsException e) =>
        Cause(e.Message) is var cause
        && (cause.Contains("premature end", StringComparison.OrdinalIgnoreCase)
            || cause.Contains("bad huffman code", StringComparison.OrdinalIgnoreCase)
            || cause.Contains("bad arithmetic code", StringComparison.OrdinalIgnoreCase)
            || cause.Contains("instead of RST", StringComparison.OrdinalIgnoreCase));

    static ApiProblem Unreadable(VipsException e) =>
        ApiProblem.RuleBroken($"The file is damaged or not a readable image: {Cause(e.Message)}");

    /// <summary>What libvips said last (the first line is only "unable to call …"): the loader's own complaint.</summary>
    static string Cause(string message) =>
        Clip(message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault(), 300) ?? "";

    static int? IntField(Image image, string name) =>
        image.GetTypeOf(name) == GValue.GIntType ? (int)image.Get(name) : null;

    /// <summary>libvips gives EXIF strings as <c>value (value, ASCII, n components, n bytes)</c>: keep the value.</summary>
    static string? ExifText(Image image, string name)
    {
        if (image.GetTypeOf(name) != GValue.GStrType)
            return null;
        var text = (string)image.Get(name);
        var cut = text.IndexOf(" (", StringComparison.Ordinal);
        var value = (cut >= 0 ? text[..cut] : text).Trim();
        return value.Length == 0 ? null : value;
    }

    static string? CaptureTime(string? exif) =>
        exif is not null && DateTime.TryParseExact(exif, "yyyy:MM:dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var taken)
            ? taken.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)
            : null;

    static string? Clip(string? text, int length) => text is null ? null : text.Length <= length ? text : text[..length];

    /// <summary>A name fit to show and store: no folders, no control characters, at most 255 characters.</summary>
    public static string SanitizeFileName(string? name)
    {
        var bare = Path.GetFileName((name ?? "").Replace('\\', '/').Trim('"'));
        var clean = new string(bare.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (clean.Length == 0)
            clean = "image";
        return Clip(clean, SessionImageLimits.FileNameLength)!;
    }
}

public sealed record ImageHeader(int Width, int Height, int? Orientation, string? CaptureTime, string? CameraMake, string? CameraModel);

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
    /// (a truncated JPEG has a perfectly good header).
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

        try
        {
            // Images are lazy: computing the average makes libvips decode the whole file.
            using var check = Image.Thumbnail(path, 32, failOn: Enums.FailOn.Truncated);
            check.Avg();
        }
        catch (VipsException e)
        {
            throw Unreadable(e);
        }
        return header;
    }

    static ApiProblem Unreadable(VipsException e) =>
        ApiProblem.RuleBroken($"The file is damaged or not a readable image: {FirstLine(e.Message)}");

    static string FirstLine(string message) =>
        Clip(message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault(), 300) ?? "";

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

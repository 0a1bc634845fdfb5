using NetVips;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace StudioApi.Features.Imaging.GroupCapture;

/// <summary>
/// The text of a capture card's QR code, <c>STUDIOAPI-SESSION:{session id}</c> (the QR code's compact alphanumeric
/// alphabet), and reading one from a photo of the card: the photo shrunk to 1,600 pixels while decoding, in grey,
/// binarized and decoded by ZXing.Net, trying harder (a card held at an angle, in a corner of the frame).
/// </summary>
public static class CaptureCardCode
{
    const string Prefix = "STUDIOAPI-SESSION:";
    const int ReadSize = 1600;

    public static string Of(long sessionId) => $"{Prefix}{sessionId}";

    public static long? SessionOf(string? text) =>
        text is not null && text.StartsWith(Prefix, StringComparison.Ordinal) && long.TryParse(text[Prefix.Length..], out var id) && id > 0 ? id : null;

    /// <summary>The session a photo's capture card names, or null when it shows none (or one that is not ours, or cannot be read).</summary>
    public static long? Read(string path)
    {
        try
        {
            using var thumbnail = Image.Thumbnail(path, ReadSize, height: ReadSize);
            using var grey = thumbnail.Colourspace(Enums.Interpretation.Bw);
            using var flat = grey.HasAlpha() ? grey.Flatten(background: [255]) : grey.Copy();
            using var bytes = flat.Cast(Enums.BandFormat.Uchar);
            var luminance = new RGBLuminanceSource(bytes.WriteToMemory<byte>(), bytes.Width, bytes.Height, RGBLuminanceSource.BitmapFormat.Gray8);
            var hints = new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true };
            return SessionOf(new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(luminance)), hints)?.Text);
        }
        catch (VipsException)
        {
            return null; // not a picture libvips reads: the import says why
        }
    }
}

using NetVips;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;
using ZXing.QrCode.Internal;

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

    /// <summary>
    /// What a photo shows: a card naming a session (or another QR code: no session), a card whose code is there but
    /// cannot be read, or nothing of the kind. Unreadable when ZXing finds a QR code's three corner squares and the
    /// grid they span but cannot decode its modules (blurred, covered by a thumb, glare): a card all the same, which
    /// must not be filed as the previous student's portrait.
    /// </summary>
    public static CardSighting Read(string path)
    {
        try
        {
            using var thumbnail = Image.Thumbnail(path, ReadSize, height: ReadSize);
            using var grey = thumbnail.Colourspace(Enums.Interpretation.Bw);
            using var flat = grey.HasAlpha() ? grey.Flatten(background: [255]) : grey.Copy();
            using var bytes = flat.Cast(Enums.BandFormat.Uchar);
            var luminance = new RGBLuminanceSource(bytes.WriteToMemory<byte>(), bytes.Width, bytes.Height, RGBLuminanceSource.BitmapFormat.Gray8);
            var hints = new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true };
            var bitmap = new BinaryBitmap(new HybridBinarizer(luminance));
            if (new QRCodeReader().decode(bitmap, hints)?.Text is { } text)
                return new CardSighting(SessionOf(text), Unreadable: false);
            return new CardSighting(null, Unreadable: new Detector(bitmap.BlackMatrix).detect(hints) is not null);
        }
        catch (VipsException)
        {
            return CardSighting.None; // not a picture libvips reads: the import says why
        }
        catch (ReaderException)
        {
            return CardSighting.None; // no code found where the corner squares seemed to be
        }
    }
}

/// <summary>What <see cref="CaptureCardCode.Read"/> saw in a photo.</summary>
/// <param name="SessionId">The session a readable card names; null for no card, another QR code, or an unreadable card.</param>
/// <param name="Unreadable">A QR code is there but cannot be read.</param>
public readonly record struct CardSighting(long? SessionId, bool Unreadable)
{
    public static readonly CardSighting None = new(null, false);
}

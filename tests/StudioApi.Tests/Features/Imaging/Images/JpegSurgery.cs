namespace StudioApi.Tests.Features.Imaging.Images;

/// <summary>Edits of a real JPEG's marker segments, to make the damaged and the merely odd files cameras and disks produce.</summary>
public static class JpegSurgery
{
    /// <summary>The offset of the frame header (SOF0–SOF15, not DHT/JPG/DAC), found by walking the segments from SOI.</summary>
    public static int FrameHeader(byte[] jpeg)
    {
        for (var at = 2; at + 4 < jpeg.Length; at += 2 + (jpeg[at + 2] << 8 | jpeg[at + 3]))
        {
            if (jpeg[at] != 0xFF)
                throw new InvalidDataException($"No marker at offset {at}.");
            if (jpeg[at + 1] is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
                return at;
        }
        throw new InvalidDataException("No frame header.");
    }

    /// <summary>The same file with a frame header that promises <paramref name="rows"/> rows: the scan data holds fewer.</summary>
    public static byte[] WithHeight(byte[] jpeg, int rows)
    {
        var copy = (byte[])jpeg.Clone();
        var frame = FrameHeader(copy);
        copy[frame + 5] = (byte)(rows >> 8);
        copy[frame + 6] = (byte)rows;
        return copy;
    }

    public static int Height(byte[] jpeg) => FrameHeader(jpeg) is var frame ? jpeg[frame + 5] << 8 | jpeg[frame + 6] : 0;

    /// <summary>The same file with a few bytes of padding before the frame header: libjpeg warns "extraneous bytes before marker" and loses nothing.</summary>
    public static byte[] WithPaddingBeforeFrame(byte[] jpeg)
    {
        var frame = FrameHeader(jpeg);
        return [.. jpeg[..frame], 0x00, 0x00, 0x00, .. jpeg[frame..]];
    }
}

using System.Security;
using NetVips;
using StudioApi.Features.Imaging.Images.Renditions;
using StudioApi.Features.Imaging.Processing;
using StudioApi.Platform.Storage;

namespace StudioApi.Features.Imaging.Images.ContactSheet;

/// <summary>One image as a contact sheet shows it.</summary>
public sealed record ContactSheetTile(int Number, string StorageKey, bool Ready, bool Selected, bool Favorite, int Rotation);

/// <summary>
/// Draws a contact sheet page with NetVips: a header line, then a grid of thumbnails, each labelled with its number
/// (✓ selected, ★ favorite), turned by its proofing rotation. An image whose thumbnail is not made yet is a grey tile with its number. Every image
/// libvips hands back is disposed once the page is written.
/// </summary>
public sealed class ContactSheetRenderer(IFileStore store)
{
    public const int Cell = RenditionMaker.ThumbnailSize;
    public const int Padding = 10;
    public const int LabelHeight = 34;
    public const int HeaderHeight = 60;
    public const int CellWidth = Cell + 2 * Padding;
    public const int CellHeight = Cell + 2 * Padding + LabelHeight;
    static readonly double[] White = [255, 255, 255];
    static readonly double[] Grey = [200, 200, 200];

    public static (int Width, int Height) SizeOf(int columns, int rows) => (columns * CellWidth, HeaderHeight + rows * CellHeight);

    public async Task<byte[]> RenderAsync(string header, IReadOnlyList<ContactSheetTile> tiles, int columns, int rows, CancellationToken ct)
    {
        // Thumbnails are read before libvips starts: at most 100 of about 30 KB each.
        var thumbnails = new byte[]?[tiles.Count];
        for (var i = 0; i < tiles.Count; i++)
        {
            if (!tiles[i].Ready || await store.OpenReadAsync(RenditionMaker.KeyOf(tiles[i].StorageKey, ImageRendition.Thumbnail), ct) is not { } file)
                continue;
            await using (file.Content)
            {
                using var buffer = new MemoryStream((int)file.Length);
                await file.Content.CopyToAsync(buffer, ct);
                thumbnails[i] = buffer.ToArray();
            }
        }
        return await Task.Run(() => Draw(header, tiles, thumbnails, columns, rows), ct);
    }

    static byte[] Draw(string header, IReadOnlyList<ContactSheetTile> tiles, byte[]?[] thumbnails, int columns, int rows)
    {
        var (width, height) = SizeOf(columns, rows);
        using var owned = new OwnedImages();
        using var black = Image.Black(width, height, bands: 3);
        var sheet = owned.Add(black.NewFromImage(White).Cast(Enums.BandFormat.Uchar));
        sheet = owned.Add(sheet.Insert(owned.Add(Text(header, "sans bold 20", width - 2 * Padding)), Padding, (HeaderHeight - 30) / 2));

        for (var i = 0; i < tiles.Count; i++)
        {
            var (left, top) = (i % columns * CellWidth + Padding, HeaderHeight + i / columns * CellHeight + Padding);
            var tile = tiles[i];
            var picture = thumbnails[i] is { } bytes
                ? owned.Add(Turned(owned.Add(Upright(owned.Add(Image.NewFromBuffer(bytes)))), tile.Rotation))
                : owned.Add(Placeholder(tile.Number));
            // Centered in its square cell, whatever its shape.
            sheet = owned.Add(sheet.Insert(picture, left + (Cell - picture.Width) / 2, top + (Cell - picture.Height) / 2));
            var label = $"{tile.Number}{(tile.Selected ? " ✓" : "")}{(tile.Favorite ? " ★" : "")}";
            var text = owned.Add(Text(label, "sans bold 16", Cell));
            sheet = owned.Add(sheet.Insert(text, left + (Cell - text.Width) / 2, top + Cell + 4));
        }
        return sheet.JpegsaveBuffer(q: 85, keep: Enums.ForeignKeep.None);
    }

    /// <summary>Thumbnails are JPEGs in sRGB; a grey one (or one with alpha) would not insert into a 3-band sheet as it is.</summary>
    static Image Upright(Image thumbnail)
    {
        using var flat = thumbnail.HasAlpha() ? thumbnail.Flatten(background: White) : thumbnail.Copy();
        return flat.Bands == 1 ? flat.Bandjoin(flat, flat) : flat.ExtractBand(0, n: 3);
    }

    /// <summary>The proofing rotation, on top of the EXIF orientation the thumbnail already has.</summary>
    static Image Turned(Image image, int rotation) =>
        ProfileRenderer.Angle(rotation) is { } angle ? image.Rot(angle) : image.Copy();

    static Image Placeholder(int number)
    {
        using var black = Image.Black(Cell, Cell * 2 / 3, bands: 3);
        using var grey = black.NewFromImage(Grey).Cast(Enums.BandFormat.Uchar);
        using var text = Text(number.ToString(), "sans bold 48", Cell);
        return grey.Insert(text, (grey.Width - text.Width) / 2, (grey.Height - text.Height) / 2);
    }

    /// <summary>Black text on white, 3 bands, at most <paramref name="maxWidth"/> wide (longer text wraps).</summary>
    static Image Text(string text, string font, int maxWidth)
    {
        using var mask = Image.Text(SecurityElement.Escape(text), font: font, width: maxWidth, fontfile: null);
        using var inverted = mask.Invert();
        return inverted.Bandjoin(inverted, inverted);
    }
}

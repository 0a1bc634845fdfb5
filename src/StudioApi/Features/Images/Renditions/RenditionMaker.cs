using NetVips;
using StudioApi.Storage;

namespace StudioApi.Features.Images.Renditions;

/// <summary>Makes an image's preview and thumbnail: upright (EXIF orientation applied), sRGB, no metadata, JPEG.</summary>
public sealed class RenditionMaker(IFileStore store)
{
    public const int PreviewSize = 1600;
    public const int ThumbnailSize = 320;
    const int Quality = 85;

    public static string KeyOf(string originalKey, ImageRendition rendition) => rendition switch
    {
        ImageRendition.Original => originalKey,
        _ => $"{originalKey[..originalKey.LastIndexOf('/')]}/{rendition.ToString().ToLowerInvariant()}.jpg",
    };

    public async Task MakeAsync(string originalKey, CancellationToken ct)
    {
        var original = await store.OpenReadAsync(originalKey, ct)
                       ?? throw new FileNotFoundException($"The original {originalKey} is missing from the file store.");
        using var preview = store.CreateTempFile("rendition");
        using var thumbnail = store.CreateTempFile("rendition");
        await using (original.Content)
        {
            // Thumbnail shrinks while decoding (the fast path), applies the EXIF orientation and converts to sRGB.
            await Task.Run(() =>
            {
                using var image = Image.ThumbnailStream(original.Content, PreviewSize, height: PreviewSize, size: Enums.Size.Down,
                    outputProfile: "srgb", failOn: Enums.FailOn.Truncated);
                image.Jpegsave(preview.Path, q: Quality, optimizeCoding: true, keep: Enums.ForeignKeep.None);
            }, ct);
        }
        // The thumbnail comes from the preview: already upright and sRGB, and far cheaper to decode than the original.
        await Task.Run(() =>
        {
            using var image = Image.Thumbnail(preview.Path, ThumbnailSize, height: ThumbnailSize, size: Enums.Size.Down);
            image.Jpegsave(thumbnail.Path, q: Quality, optimizeCoding: true, keep: Enums.ForeignKeep.None);
        }, ct);

        await store.PutAsync(KeyOf(originalKey, ImageRendition.Preview), preview, ct);
        await store.PutAsync(KeyOf(originalKey, ImageRendition.Thumbnail), thumbnail, ct);
    }
}

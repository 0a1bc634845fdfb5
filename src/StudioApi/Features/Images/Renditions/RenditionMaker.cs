using StudioApi.Storage;

namespace StudioApi.Features.Images.Renditions;

/// <summary>Makes an image's preview and thumbnail (see <see cref="Imaging.Renditions"/>) and puts them next to its original in the store.</summary>
public sealed class RenditionMaker(IFileStore store)
{
    public const int PreviewSize = Imaging.Renditions.PreviewEdge;
    public const int ThumbnailSize = Imaging.Renditions.ThumbnailEdge;

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
        using var copy = original.Content is FileStream ? null : store.CreateTempFile("original");
        await using (original.Content)
        {
            // libvips decodes from a local file (random access, shrink-on-load); a store that is not on local disk
            // (a blob store) is copied down first.
            var sourcePath = original.Content is FileStream local ? local.Name : copy!.Path;
            if (copy is not null)
                await using (var target = File.Create(copy.Path))
                    await original.Content.CopyToAsync(target, ct);
            await Task.Run(() =>
            {
                using var previewOut = File.Create(preview.Path);
                using var thumbnailOut = File.Create(thumbnail.Path);
                Imaging.Renditions.MakePreviewAndThumbnail(sourcePath, previewOut, thumbnailOut, PreviewSize, ThumbnailSize);
            }, ct);
        }

        await store.PutAsync(KeyOf(originalKey, ImageRendition.Preview), preview, ct);
        await store.PutAsync(KeyOf(originalKey, ImageRendition.Thumbnail), thumbnail, ct);
    }
}

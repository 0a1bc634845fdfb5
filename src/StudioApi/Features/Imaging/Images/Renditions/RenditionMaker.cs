using StudioApi.Platform.Storage;


namespace StudioApi.Features.Imaging.Images.Renditions;

/// <summary>Makes an image's preview and thumbnail (see <see cref="Processing.Renditions"/>) and puts them next to its original in the store.</summary>
public sealed class RenditionMaker(IFileStore store)
{
    public const int PreviewSize = Processing.Renditions.PreviewEdge;
    public const int ThumbnailSize = Processing.Renditions.ThumbnailEdge;

    public static string KeyOf(string originalKey, ImageRendition rendition) => rendition switch
    {
        ImageRendition.Original => originalKey,
        _ => $"{originalKey[..originalKey.LastIndexOf('/')]}/{rendition.ToString().ToLowerInvariant()}.jpg",
    };

    public async Task MakeAsync(string originalKey, CancellationToken ct)
    {
        using var preview = store.CreateTempFile("rendition");
        using var thumbnail = store.CreateTempFile("rendition");
        await using (var original = await LocalFile.OpenAsync(store, originalKey, ct)
                                    ?? throw new FileNotFoundException($"The original {originalKey} is missing from the file store."))
        {
            await Task.Run(() =>
            {
                using var previewOut = File.Create(preview.Path);
                using var thumbnailOut = File.Create(thumbnail.Path);
                Processing.Renditions.MakePreviewAndThumbnail(original.Path, previewOut, thumbnailOut, PreviewSize, ThumbnailSize);
            }, ct);
        }

        await store.PutAsync(KeyOf(originalKey, ImageRendition.Preview), preview, ct);
        await store.PutAsync(KeyOf(originalKey, ImageRendition.Thumbnail), thumbnail, ct);
    }

    /// <summary>Removes an image's files (its row erased while they were being made).</summary>
    public async Task RemoveAsync(string originalKey, CancellationToken ct)
    {
        foreach (var rendition in Enum.GetValues<ImageRendition>())
            await store.DeleteAsync(KeyOf(originalKey, rendition), ct);
    }
}

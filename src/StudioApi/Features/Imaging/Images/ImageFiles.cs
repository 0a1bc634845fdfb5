using Microsoft.Extensions.Options;
using StudioApi.Features.Imaging.Images.Renditions;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Storage;

namespace StudioApi.Features.Imaging.Images;

/// <summary>
/// Sends an image's original or rendition: ETag (the content's hash, so it never changes for a given image),
/// Last-Modified, Cache-Control, Range (206) and If-None-Match/If-Modified-Since (304), all by Results.File.
/// </summary>
public sealed class ImageFiles(IFileStore store, IOptions<ImageOptions> options)
{
    public async Task<IResult> ResultAsync(HttpContext http, SessionImage image, ImageRendition rendition, TimeSpan? maxAge, CancellationToken ct)
    {
        if (rendition != ImageRendition.Original && image.RenditionState != RenditionState.Ready)
            throw ApiProblem.Conflict(image.RenditionState == RenditionState.Failed
                ? $"The image's {Name(rendition)} could not be made: {image.Rendition.LastError}"
                : $"The image's {Name(rendition)} is not ready yet; its renditionState is pending.");

        var stored = await store.OpenReadAsync(RenditionMaker.KeyOf(image.StorageKey, rendition), ct)
                     ?? throw ApiProblem.NotFound($"{Name(rendition)} file of image", image.Id);
        var contentType = rendition == ImageRendition.Original ? image.ContentType : "image/jpeg";
        var tag = rendition == ImageRendition.Original ? image.Sha256 : $"{image.Sha256}-{Name(rendition)}";
        return StoredFileResult.For(http, stored, contentType, tag, maxAge ?? TimeSpan.FromSeconds(options.Value.CacheMaxAgeSeconds));
    }

    static string Name(ImageRendition rendition) => rendition.ToString().ToLowerInvariant();
}

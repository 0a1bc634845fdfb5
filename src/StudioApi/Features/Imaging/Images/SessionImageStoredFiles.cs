using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Imaging.Images.Renditions;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Storage;

namespace StudioApi.Features.Imaging.Images;

/// <summary>
/// The files of a session's images, for the storage reconciler: every image's original (recycle bin included: a
/// restored image needs it), and its preview and thumbnail, required once its renditions are ready and allowed
/// before (the worker stores them a moment before it marks the image ready).
/// </summary>
public sealed class SessionImageStoredFiles(StudioDbContext db) : IStoredFileOwner
{
    public const string RecordKind = "sessionImage";

    public async IAsyncEnumerable<ExpectedFile> ExpectedFilesAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var images = db.SessionImages.IgnoreQueryFilters().AsNoTracking()
            .Select(i => new { i.Id, i.StorageKey, Ready = i.RenditionState == RenditionState.Ready });
        await foreach (var image in images.AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return new ExpectedFile(image.StorageKey, Required: true, RecordKind, image.Id);
            yield return new ExpectedFile(RenditionMaker.KeyOf(image.StorageKey, ImageRendition.Preview), image.Ready, RecordKind, image.Id);
            yield return new ExpectedFile(RenditionMaker.KeyOf(image.StorageKey, ImageRendition.Thumbnail), image.Ready, RecordKind, image.Id);
        }
    }
}

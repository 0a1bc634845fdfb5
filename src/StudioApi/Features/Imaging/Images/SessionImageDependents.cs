using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Clients;
using StudioApi.Features.Imaging.Images.Renditions;
using StudioApi.Features.Scheduling.Sessions;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Storage;

namespace StudioApi.Features.Imaging.Images;

/// <summary>
/// A session's images go to the recycle bin with it and come back with it; a purge erases their rows, then their
/// originals, previews and thumbnails once the transaction has committed.
/// </summary>
public sealed class SessionImageDependents(StudioDbContext db, IFileStore files) : ISessionDependent
{
    public async Task DeleteAsync(Session session, CancellationToken ct)
    {
        foreach (var image in await db.SessionImages.Where(i => i.SessionId == session.Id).ToListAsync(ct))
            (image.DeletedAt, image.DeletedBy) = (session.DeletedAt, session.DeletedBy);
    }

    public async Task RestoreAsync(Session session, CancellationToken ct)
    {
        var deletedAt = session.DeletedAt;
        foreach (var image in await db.SessionImages.IgnoreQueryFilters().Where(i => i.SessionId == session.Id && i.DeletedAt == deletedAt).ToListAsync(ct))
            db.Restore(image);
    }

    public async Task PurgeAsync(Session session, CancellationToken ct)
    {
        var images = db.SessionImages.IgnoreQueryFilters().Where(i => i.SessionId == session.Id);
        var keys = await images.Select(i => i.StorageKey).ToListAsync(ct);
        // A client whose picture was one of these goes back to having none (a real change of the client: its version moves).
        var imageIds = images.Select(i => i.Id);
        await db.Clients.IgnoreQueryFilters().Where(c => c.ImageId != null && imageIds.Contains(c.ImageId.Value))
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.ImageId, (long?)null).SetProperty(c => c.Version, c => c.Version + 1), ct);
        await images.ExecuteDeleteAsync(ct);
        db.AfterCommit(async token =>
        {
            foreach (var key in keys)
                foreach (var rendition in Enum.GetValues<ImageRendition>())
                    await files.DeleteAsync(RenditionMaker.KeyOf(key, rendition), token);
        });
    }
}

using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;
using StudioApi.Platform.Background;

namespace StudioApi.Features.Imaging.Images.Renditions;

/// <summary>
/// Makes renditions in the background, plugged into the background-work engine (kind <see cref="Kind"/>, settings
/// <c>Background:Renditions</c>). The queue is the images themselves (state pending) with their
/// <see cref="SessionImage.Rendition"/> lease, so work survives a restart: a pending image is picked up at the next
/// start, one this server held when it stopped at once, and one another server held when its lease runs out. A failed
/// attempt is retried with backoff; after the last the image is failed with the reason. The engine's bookkeeping uses
/// ExecuteUpdate: it is not an edit, and must not bump the image's version.
/// </summary>
public sealed class RenditionWorker(RenditionMaker maker) : WorkQueue<SessionImage>
{
    public const string Kind = "renditions";

    static readonly Expression<Func<SessionImage, WorkLease>> LeaseColumns = i => i.Rendition;
    static readonly Expression<Func<SessionImage, DateTime>> Created = i => i.CreatedAt;
    static readonly Expression<Func<SessionImage, bool>> Pending = i => i.RenditionState == RenditionState.Pending;

    public override Expression<Func<SessionImage, WorkLease>> Lease => LeaseColumns;
    public override Expression<Func<SessionImage, DateTime>> CreatedAt => Created;
    public override Expression<Func<SessionImage, bool>> Waiting => Pending;

    public override Task ProcessAsync(SessionImage image, CancellationToken ct) => maker.MakeAsync(image.StorageKey, ct);

    public override async Task AfterGoneAsync(SessionImage image, CancellationToken ct)
    {
        await maker.RemoveAsync(image.StorageKey, ct);
    }

    public override void OnDone(UpdateSettersBuilder<SessionImage> set, DateTime now) => set
        .SetProperty(i => i.RenditionState, RenditionState.Ready)
        .SetProperty(i => i.RenditionsReadyAt, now);

    public override void OnFailed(UpdateSettersBuilder<SessionImage> set, string error, DateTime now) =>
        set.SetProperty(i => i.RenditionState, RenditionState.Failed);
}

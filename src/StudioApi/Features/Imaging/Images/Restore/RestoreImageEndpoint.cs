using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Features.Scheduling.Sessions;

namespace StudioApi.Features.Imaging.Images.Restore;

public sealed class RestoreImageRequest
{
    public long Id { get; set; }
}

public sealed class RestoreImageEndpoint(StudioDbContext db) : Endpoint<RestoreImageRequest, SessionImageResponse>
{
    public override void Configure()
    {
        Post("/images/{id}/restore");
        Roles(Platform.Auth.Roles.SessionStaff);
        Description(d => d.Operation("Images", "Restore", "Bring an image back from the recycle bin",
            "It keeps its number."));
    }

    public override async Task HandleAsync(RestoreImageRequest req, CancellationToken ct)
    {
        var image = await db.SessionImages.IgnoreQueryFilters()
                        .SingleOrDefaultAsync(i => i.Id == req.Id && i.DeletedAt != null, ct)
                    ?? throw ApiProblem.NotFound("deleted image", req.Id);
        // The yearbook choice made while it was in the bin stands: the restored image comes back without the role.
        if (image.YearbookRole != YearbookRole.None
            && await db.SessionImages.AnyAsync(i => i.SessionId == image.SessionId && i.YearbookRole == image.YearbookRole, ct))
            (image.YearbookRole, image.YearbookChosenBy, image.YearbookChosenAt) = (YearbookRole.None, null, null);
        db.Restore(image);
        try
        {
            await db.InTransactionAsync(async () =>
            {
                // An image comes back only into a live session; a deleted session brings its images back itself.
                if (!await SessionRows.HoldLiveAsync(db, image.SessionId, ct))
                    throw ApiProblem.Conflict("The image's session is in the recycle bin: restore the session, which brings its images back.");
                await db.SaveChangesAsync(ct);
                return true;
            }, ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // The number stays the image's own in the recycle bin; only its content can be taken.
            throw ApiProblem.Conflict("The session has this file again (imported after this one was deleted); delete that image first.");
        }

        HttpContext.WriteETag(image);
        await Send.OkAsync(SessionImageResponse.From(image), ct);
    }
}

using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Imaging.Images.Delete;

public sealed class DeleteImageRequest
{
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class DeleteImageEndpoint(StudioDbContext db) : Endpoint<DeleteImageRequest>
{
    public override void Configure()
    {
        Delete("/images/{id}");
        Roles(Platform.Auth.Roles.SessionStaff);
        Description(d => d.Operation("Images", "Delete",
            "Move an image to the recycle bin",
            "Its files are kept until it is purged, so it can be restored."));
    }

    public override async Task HandleAsync(DeleteImageRequest req, CancellationToken ct)
    {
        var image = await db.SessionImages.SingleOrDefaultAsync(i => i.Id == req.Id, ct)
                    ?? throw ApiProblem.NotFound("image", req.Id);
        db.MatchVersion(image, req.IfMatch);
        db.SoftDelete(image);
        await db.SaveChangesAsync(ct);
        await Send.NoContentAsync(ct);
    }
}

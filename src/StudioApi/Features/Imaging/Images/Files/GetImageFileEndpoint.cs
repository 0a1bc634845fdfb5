using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Imaging.Images.Files;

public sealed class GetImageFileRequest
{
    public long Id { get; set; }
    /// <summary>original, preview (1600 px long edge) or thumbnail (320 px).</summary>
    public ImageRendition Rendition { get; set; }
}

public sealed class GetImageFileEndpoint(StudioDbContext db, ImageFiles files) : Endpoint<GetImageFileRequest>
{
    public override void Configure()
    {
        Get("/images/{id}/{rendition}");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d
            .Produces(StatusCodes.Status200OK, typeof(Stream), "image/jpeg", "image/png", "image/tiff", "image/heic")
            .Answers(StatusCodes.Status206PartialContent, "The byte range asked for in Range.")
            .Answers(StatusCodes.Status304NotModified, "The file is unchanged since the ETag in If-None-Match.")
            .Answers(StatusCodes.Status409Conflict, "The preview or thumbnail is not ready yet, or could not be made (see the image's renditionState).")
            .Operation("Images", "GetFile",
                "Download an image file",
                "The original, the preview or the thumbnail; ETag, Last-Modified, Range and 304 supported."));
    }

    public override async Task HandleAsync(GetImageFileRequest req, CancellationToken ct)
    {
        var image = await db.SessionImages.AsNoTracking().SingleOrDefaultAsync(i => i.Id == req.Id, ct)
                    ?? throw ApiProblem.NotFound("image", req.Id);
        await Send.ResultAsync(await files.ResultAsync(HttpContext, image, req.Rendition, maxAge: null, ct));
    }
}

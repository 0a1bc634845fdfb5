using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Cors;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Imaging.Images.SignedFiles;

public sealed class GetSignedImageFileRequest
{
    public long Id { get; set; }
    public ImageRendition Rendition { get; set; }
    /// <summary>Unix time the link stops working, as issued.</summary>
    public long Expires { get; set; }
    /// <summary>The link's signature, as issued.</summary>
    public string? Sig { get; set; }
}

public sealed class GetSignedImageFileValidator : Validator<GetSignedImageFileRequest>
{
    public GetSignedImageFileValidator()
    {
        RuleFor(r => r.Sig).MaximumLength(100);
    }
}

/// <summary>The target of a signed link (see Images_CreateLink): no token, the signature is the permission.</summary>
public sealed class GetSignedImageFileEndpoint(StudioDbContext db, ImageLinks links, ImageFiles files) : Endpoint<GetSignedImageFileRequest>
{
    public override void Configure()
    {
        Get("/image-files/{id}/{rendition}");
        AllowAnonymous();
        Description(d => d
            .OpenToAnyOrigin()
            .Produces(StatusCodes.Status200OK, typeof(Stream), "image/jpeg", "image/png", "image/tiff", "image/heic")
            .Answers(StatusCodes.Status206PartialContent, "The byte range asked for in Range.")
            .Answers(StatusCodes.Status304NotModified, "The file is unchanged since the ETag in If-None-Match.")
            .Answers(StatusCodes.Status409Conflict, "The preview or thumbnail is not ready yet, or could not be made (see the image's renditionState).")
            .Answers(StatusCodes.Status403Forbidden, "The link was not issued by this server, or was altered.")
            .Answers(StatusCodes.Status410Gone, "The link has expired: ask for a new one.")
            .Operation("Images", "GetSignedFile",
                "Download an image file through a signed link",
                "No token needed: the link is the permission. 403 if the link was altered, 410 once it has expired."));
    }

    public override async Task HandleAsync(GetSignedImageFileRequest req, CancellationToken ct)
    {
        var left = links.Check(req.Id, req.Rendition, req.Expires, req.Sig);
        var image = await db.SessionImages.AsNoTracking().SingleOrDefaultAsync(i => i.Id == req.Id, ct)
                    ?? throw ApiProblem.NotFound("image", req.Id);
        // A browser may keep the file no longer than the link lives.
        await Send.ResultAsync(await files.ResultAsync(HttpContext, image, req.Rendition, left, ct));
    }
}

using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Imaging.Images;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Storage;

namespace StudioApi.Features.Imaging.GroupCapture.Files;

public sealed class GetUnmatchedCaptureFileRequest
{
    public long Id { get; set; }
}

/// <summary>The held file as uploaded, so whoever assigns it can see who is in it (no renditions are made for held files).</summary>
public sealed class GetUnmatchedCaptureFileEndpoint(StudioDbContext db, IFileStore store) : Endpoint<GetUnmatchedCaptureFileRequest>
{
    public override void Configure()
    {
        Get("/unmatched-captures/{id}/original");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d
            .Produces(StatusCodes.Status200OK, typeof(Stream), "image/jpeg", "image/png", "image/tiff", "image/heic")
            .Answers(StatusCodes.Status206PartialContent, "The byte range asked for in Range.")
            .Answers(StatusCodes.Status304NotModified, "The file is unchanged since the ETag in If-None-Match.")
            .Operation("GroupCapture", "GetFile", "Download an unmatched capture's file",
                "As uploaded; ETag, Range and 304 supported."));
    }

    public override async Task HandleAsync(GetUnmatchedCaptureFileRequest req, CancellationToken ct)
    {
        var capture = await db.UnmatchedCaptures.AsNoTracking().SingleOrDefaultAsync(c => c.Id == req.Id, ct)
                      ?? throw ApiProblem.NotFound("unmatched capture", req.Id);
        var stored = await store.OpenReadAsync(capture.StorageKey, ct) ?? throw ApiProblem.NotFound("file of unmatched capture", req.Id);
        await Send.ResultAsync(StoredFileResult.For(HttpContext, stored, ImageInspection.ContentType(capture.Format), capture.Sha256, TimeSpan.FromHours(1)));
    }
}

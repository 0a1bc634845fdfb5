using System.ComponentModel.DataAnnotations;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Features.Scheduling;

namespace StudioApi.Features.Imaging.Images.Import;

public sealed class ImportSessionImagesRequest
{
    public long Id { get; set; }

    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }
}

public sealed class ImportSessionImagesResponse
{
    /// <summary>One result per file, in upload order.</summary>
    [MaxLength(1000)]
    public required IReadOnlyList<ImportedFile> Files { get; init; }
}

/// <summary>
/// Streams a multipart upload into a session, one file at a time, never holding a file in memory. Status: 200 with a
/// result per file (imported, duplicate or rejected with its problem) when at least one file was imported or found to be
/// a duplicate; when every file was refused for the same reason, that problem itself (415 for a lone non-image, 413, 422),
/// with the per-file results in its <c>files</c> extension; refused for different reasons, 422 with the results. A 207
/// would be the WebDAV way, but it is not a problem-details-friendly status, so mixed outcomes are a 200.
/// </summary>
public sealed class ImportSessionImagesEndpoint(StudioDbContext db, SessionImageImporter importer, IOptions<ImageOptions> options)
    : Endpoint<ImportSessionImagesRequest, ImportSessionImagesResponse>
{
    public override void Configure()
    {
        Post("/sessions/{id}/images");
        Roles(Platform.Auth.Roles.SessionStaff);
        AllowFileUploads(dontAutoBindFormData: true);
        Description(d => d
            .AcceptsFiles("files", ImageOptions.DefaultMaxFilesPerRequest, "One or many image files: JPEG, PNG, TIFF or HEIC, judged by their content.")
            .Answers(StatusCodes.Status413PayloadTooLarge, "Every file was over the size limit (Images:MaxFileBytes), or the upload over Images:MaxRequestBytes.")
            .Answers(StatusCodes.Status415UnsupportedMediaType, "The body is not multipart/form-data, or no file of it is a JPEG, PNG, TIFF or HEIC image.")
            .Answers(StatusCodes.Status422UnprocessableEntity, "No file was imported: damaged, too many pixels (Images:MaxPixels), or refused for different reasons (see files).")
            .Operation("Images", "Import",
                "Import images into a session",
                "One or many files (multipart, streamed); each is checked, numbered, and its renditions made in the background.")
            .AcceptsIdempotencyKey(streamedBody: true));
    }

    public override async Task HandleAsync(ImportSessionImagesRequest req, CancellationToken ct)
    {
        if (!await db.Sessions.AnyAsync(s => s.Id == req.Id, ct))
            throw ApiProblem.NotFound("session", req.Id);

        var results = new List<ImportedFile>();
        await foreach (var file in ImageUploadParts.ReadAsync(HttpContext, options.Value, ct))
            results.Add(await importer.ImportAsync(req.Id, file.Index, file.FileName, file.Content, ct));

        if (results.All(r => r.Outcome == ImportOutcome.Rejected))
        {
            var statuses = results.Select(r => r.Problem!.Status).Distinct().ToList();
            var first = results[0].Problem!;
            var extensions = new Dictionary<string, object?> { ["files"] = results };
            throw statuses.Count == 1
                ? new ApiProblem(first.Status, first.Title, results.Count == 1 ? first.Detail : $"No file was imported: {first.Detail}", extensions)
                : ApiProblem.RuleBroken("No file was imported: see files for why each was refused.", extensions);
        }
        await Send.OkAsync(new ImportSessionImagesResponse { Files = results }, ct);
    }
}

using FastEndpoints;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Imaging.Images.Import;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Storage;
using StudioApi.Features.Scheduling;

namespace StudioApi.Features.Imaging.GroupCapture.Assign;

public sealed class AssignUnmatchedCaptureRequest
{
    public long Id { get; set; }
    /// <summary>A live session of the capture's organization.</summary>
    public long SessionId { get; set; }
}

public sealed class AssignUnmatchedCaptureValidator : Validator<AssignUnmatchedCaptureRequest>
{
    public AssignUnmatchedCaptureValidator() => RuleFor(r => r.SessionId).GreaterThan(0);
}

/// <summary>
/// Files a held capture into a session, as the next image: the stored file is moved, not uploaded again, and the
/// holding record goes in the same transaction. A session that already has the same photo reports it as a duplicate,
/// and the held copy is let go.
/// </summary>
public sealed class AssignUnmatchedCaptureEndpoint(StudioDbContext db, SessionImageImporter importer, IFileStore store) : Endpoint<AssignUnmatchedCaptureRequest, ImportedFile>
{
    public override void Configure()
    {
        Post("/unmatched-captures/{id}/assign");
        Roles(Platform.Auth.Roles.SessionStaff);
        Description(d => d
            .Answers(StatusCodes.Status422UnprocessableEntity, "The session belongs to another organization, or to none.")
            .Operation("GroupCapture", "Assign",
                "File an unmatched capture into a session",
                "Into a session of its organization: imported, or reported as a duplicate; the holding record goes."));
    }

    public override async Task HandleAsync(AssignUnmatchedCaptureRequest req, CancellationToken ct)
    {
        var capture = await db.UnmatchedCaptures.AsNoTracking().SingleOrDefaultAsync(c => c.Id == req.Id, ct)
                      ?? throw ApiProblem.NotFound("unmatched capture", req.Id);
        var session = await db.Sessions.AsNoTracking().Where(s => s.Id == req.SessionId).Select(s => new { s.OrganizationId }).SingleOrDefaultAsync(ct);
        if (session is null)
            ThrowError(new ValidationFailure("sessionId", $"There is no session {req.SessionId}."));
        if (session.OrganizationId != capture.OrganizationId)
            throw ApiProblem.RuleBroken($"Session {req.SessionId} is not a session of organization {capture.OrganizationId}, where the file was captured.");

        var result = await db.InTransactionAsync(async () =>
        {
            await UnmatchedCaptureDiscard.ClaimAsync(db, store, capture, ct);
            // Imported as a copy, or the session had the photo already: either way the held file goes after the commit.
            return await importer.ImportStoredAsync(req.SessionId, capture.OriginalFileName, capture.Facts, capture.StorageKey, ct);
        }, ct);
        await Send.OkAsync(result, ct);
    }
}

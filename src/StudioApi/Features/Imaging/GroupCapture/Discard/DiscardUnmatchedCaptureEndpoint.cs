using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Storage;

namespace StudioApi.Features.Imaging.GroupCapture.Discard;

public sealed class DiscardUnmatchedCaptureRequest
{
    public long Id { get; set; }
}

/// <summary>Throws a held file away for good, row and file (the file once the row is gone, so a failure never leaves a row without its file).</summary>
public sealed class DiscardUnmatchedCaptureEndpoint(StudioDbContext db, IFileStore store) : Endpoint<DiscardUnmatchedCaptureRequest>
{
    public override void Configure()
    {
        Delete("/unmatched-captures/{id}");
        Roles(Platform.Auth.Roles.SessionStaff);
        Description(d => d.Operation("GroupCapture", "Discard", "Discard an unmatched capture",
            "For good: its file is deleted."));
    }

    public override async Task HandleAsync(DiscardUnmatchedCaptureRequest req, CancellationToken ct)
    {
        var capture = await db.UnmatchedCaptures.AsNoTracking().SingleOrDefaultAsync(c => c.Id == req.Id, ct)
                      ?? throw ApiProblem.NotFound("unmatched capture", req.Id);
        await UnmatchedCaptureDiscard.DiscardAsync(db, store, capture, ct);
        await Send.NoContentAsync(ct);
    }
}

using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.Resources.Delete;

public sealed class DeleteResourceRequest
{
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class DeleteResourceEndpoint(StudioDbContext db, ISetupRecordUses<Resource> uses) : Endpoint<DeleteResourceRequest>
{
    public override void Configure()
    {
        Delete("/resources/{id}");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d
            .Answers(StatusCodes.Status409Conflict, "Live sessions use the resource (their count in sessionCount).")
            .Operation("Resources", "Delete",
                "Move a resource to the recycle bin",
                "Refused while live sessions use it."));
    }

    public override async Task HandleAsync(DeleteResourceRequest req, CancellationToken ct)
    {
        var resource = await db.Resources.SingleOrDefaultAsync(r => r.Id == req.Id, ct)
                           ?? throw ApiProblem.NotFound("resource", req.Id);
        db.MatchVersion(resource, req.IfMatch);

        // Only live sessions count: one in the recycle bin does not keep the resource alive.
        var sessionCount = await uses.CountAsync(resource.Id, ct);
        if (sessionCount > 0)
            throw ApiProblem.Conflict(
                $"{sessionCount} session(s) use {resource.Name}; move them first, or make the resource inactive instead.",
                new Dictionary<string, object?> { ["sessionCount"] = sessionCount });

        db.SoftDelete(resource);
        await db.SaveChangesAsync(ct);
        await Send.NoContentAsync(ct);
    }
}

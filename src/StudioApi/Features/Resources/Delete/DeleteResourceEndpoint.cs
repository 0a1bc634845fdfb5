using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Api.Concurrency;
using StudioApi.Api.OpenApi;
using StudioApi.Api.Problems;
using StudioApi.Persistence;

namespace StudioApi.Features.Resources.Delete;

public sealed class DeleteResourceRequest
{
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class DeleteResourceEndpoint(StudioDbContext db) : Endpoint<DeleteResourceRequest>
{
    public override void Configure()
    {
        Delete("/resources/{id}");
        Roles(Auth.Roles.AdminOnly);
        Description(d => d
            .Answers(StatusCodes.Status409Conflict, "Live sessions use the resource (their count in sessionCount).")
            .Operation("Resources", "Delete",
                "Move a resource to the recycle bin (If-Match required); refused while live sessions use it"));
    }

    public override async Task HandleAsync(DeleteResourceRequest req, CancellationToken ct)
    {
        var resource = await db.Resources.SingleOrDefaultAsync(r => r.Id == req.Id, ct)
                           ?? throw ApiProblem.NotFound("resource", req.Id);
        db.MatchVersion(resource, req.IfMatch);

        // Only live sessions count: one in the recycle bin does not keep the resource alive.
        var sessionCount = await db.Sessions.CountAsync(x => x.ResourceId == resource.Id, ct);
        if (sessionCount > 0)
            throw ApiProblem.Conflict(
                $"{sessionCount} session(s) use {resource.Name}; move them first, or make the resource inactive instead.",
                new Dictionary<string, object?> { ["sessionCount"] = sessionCount });

        db.SoftDelete(resource);
        await db.SaveChangesAsync(ct);
        await Send.NoContentAsync(ct);
    }
}

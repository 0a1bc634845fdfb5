using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.Relationships.Delete;

public sealed class DeleteRelationshipRequest
{
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class DeleteRelationshipEndpoint(StudioDbContext db, ISetupRecordUses<Relationship> uses) : Endpoint<DeleteRelationshipRequest>
{
    public override void Configure()
    {
        Delete("/relationships/{id}");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d
            .Answers(StatusCodes.Status409Conflict, "Clients' family members are related this way (their count in clientCount).")
            .Operation("Relationships", "Delete",
                "Move a relationship to the recycle bin",
                "Refused while clients' family members use it."));
    }

    public override async Task HandleAsync(DeleteRelationshipRequest req, CancellationToken ct)
    {
        var relationship = await db.Relationships.SingleOrDefaultAsync(r => r.Id == req.Id, ct)
                           ?? throw ApiProblem.NotFound("relationship", req.Id);
        db.MatchVersion(relationship, req.IfMatch);

        // Only live clients count: a client in the recycle bin does not keep a relationship alive.
        var clientCount = await uses.CountAsync(relationship.Id, ct);
        if (clientCount > 0)
            throw ApiProblem.Conflict(
                $"{clientCount} client(s) have family members related as {relationship.Name}; change them first, or make the relationship inactive instead.",
                new Dictionary<string, object?> { ["clientCount"] = clientCount });

        db.SoftDelete(relationship);
        await db.SaveChangesAsync(ct);
        await Send.NoContentAsync(ct);
    }
}

using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.Relationships.Restore;

public sealed class RestoreRelationshipRequest
{
    public long Id { get; set; }
}

public sealed class RestoreRelationshipEndpoint(StudioDbContext db) : Endpoint<RestoreRelationshipRequest, RelationshipResponse>
{
    public override void Configure()
    {
        Post("/relationships/{id}/restore");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("Relationships", "Restore", "Bring a relationship back from the recycle bin"));
    }

    public override async Task HandleAsync(RestoreRelationshipRequest req, CancellationToken ct)
    {
        var relationship = await db.Relationships.IgnoreQueryFilters()
                               .SingleOrDefaultAsync(r => r.Id == req.Id && r.DeletedAt != null, ct)
                           ?? throw ApiProblem.NotFound("deleted relationship", req.Id);
        db.Restore(relationship);
        await db.SaveOrConflictAsync("Relationships", "Name",
            $"Another relationship is now named {relationship.Name}; rename it first.", ct);

        HttpContext.WriteETag(relationship);
        await Send.OkAsync(RelationshipResponse.From(relationship), ct);
    }
}

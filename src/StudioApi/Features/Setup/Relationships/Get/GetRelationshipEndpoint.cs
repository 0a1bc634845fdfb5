using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.Relationships.Get;

public sealed class GetRelationshipRequest
{
    public long Id { get; set; }
}

public sealed class GetRelationshipEndpoint(StudioDbContext db) : Endpoint<GetRelationshipRequest, RelationshipResponse>
{
    public override void Configure()
    {
        Get("/relationships/{id}");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Relationships", "Get", "Get a family-member relationship"));
    }

    public override async Task HandleAsync(GetRelationshipRequest req, CancellationToken ct)
    {
        var relationship = await db.Relationships.AsNoTracking().SingleOrDefaultAsync(r => r.Id == req.Id, ct)
                           ?? throw ApiProblem.NotFound("relationship", req.Id);
        HttpContext.WriteETag(relationship);
        await Send.OkAsync(RelationshipResponse.From(relationship), ct);
    }
}

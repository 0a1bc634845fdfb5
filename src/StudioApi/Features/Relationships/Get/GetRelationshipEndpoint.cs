using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Api.Concurrency;
using StudioApi.Api.OpenApi;
using StudioApi.Api.Problems;
using StudioApi.Persistence;

namespace StudioApi.Features.Relationships.Get;

public sealed class GetRelationshipRequest
{
    public long Id { get; set; }
}

public sealed class GetRelationshipEndpoint(StudioDbContext db) : Endpoint<GetRelationshipRequest, RelationshipResponse>
{
    public override void Configure()
    {
        Get("/relationships/{id}");
        Roles(Auth.Roles.AnyStaff);
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

using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.Relationships.Update;

public sealed class UpdateRelationshipRequest : RelationshipInput
{
    [RouteParam]
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class UpdateRelationshipValidator : Validator<UpdateRelationshipRequest>
{
    public UpdateRelationshipValidator() => Include(new RelationshipInputValidator());
}

public sealed class UpdateRelationshipEndpoint(StudioDbContext db) : Endpoint<UpdateRelationshipRequest, RelationshipResponse>
{
    public override void Configure()
    {
        Put("/relationships/{id}");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("Relationships", "Update", "Replace a relationship's fields"));
    }

    public override async Task HandleAsync(UpdateRelationshipRequest req, CancellationToken ct)
    {
        var relationship = await db.Relationships.SingleOrDefaultAsync(r => r.Id == req.Id, ct)
                           ?? throw ApiProblem.NotFound("relationship", req.Id);
        db.MatchVersion(relationship, req.IfMatch);
        req.ApplyTo(relationship);
        await db.SaveOrConflictAsync("Relationships", "Name",
            $"A relationship named {relationship.Name} already exists.", ct);

        HttpContext.WriteETag(relationship);
        await Send.OkAsync(RelationshipResponse.From(relationship), ct);
    }
}

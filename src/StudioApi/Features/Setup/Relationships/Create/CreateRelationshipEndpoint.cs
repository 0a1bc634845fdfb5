using FastEndpoints;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.Relationships.Create;

public sealed class CreateRelationshipRequest : RelationshipInput
{
    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }
}

public sealed class CreateRelationshipValidator : Validator<CreateRelationshipRequest>
{
    public CreateRelationshipValidator() => Include(new RelationshipInputValidator());
}

public sealed class CreateRelationshipEndpoint(StudioDbContext db) : Endpoint<CreateRelationshipRequest, RelationshipResponse>
{
    public override void Configure()
    {
        Post("/relationships");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("Relationships", "Create", "Create a family-member relationship").AcceptsIdempotencyKey());
    }

    public override async Task HandleAsync(CreateRelationshipRequest req, CancellationToken ct)
    {
        var relationship = new Relationship();
        req.ApplyTo(relationship);
        db.Relationships.Add(relationship);
        await db.SaveOrConflictAsync("Relationships", "Name",
            $"A relationship named {relationship.Name} already exists.", ct);

        HttpContext.WriteETag(relationship);
        await Send.CreatedAtAsync("Relationships_Get", new { id = relationship.Id }, RelationshipResponse.From(relationship), cancellation: ct);
    }
}

using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Api.Concurrency;
using StudioApi.Api.Idempotency;
using StudioApi.Api.OpenApi;
using StudioApi.Api.Problems;
using StudioApi.Persistence;

namespace StudioApi.Features.Resources.Create;

public sealed class CreateResourceRequest : ResourceInput
{
    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }
}

public sealed class CreateResourceValidator : Validator<CreateResourceRequest>
{
    public CreateResourceValidator() => Include(new ResourceInputValidator());
}

public sealed class CreateResourceEndpoint(StudioDbContext db) : Endpoint<CreateResourceRequest, ResourceResponse>
{
    public override void Configure()
    {
        Post("/resources");
        Roles(Auth.Roles.AdminOnly);
        Description(d => d.Operation("Resources", "Create", "Create a resource",
            "A camera room or another bookable resource.").AcceptsIdempotencyKey());
    }

    public override async Task HandleAsync(CreateResourceRequest req, CancellationToken ct)
    {
        var resource = new Resource();
        req.ApplyTo(resource);
        db.Resources.Add(resource);
        await db.SaveOrConflictAsync("Resources", "Name",
            $"A resource named {resource.Name} already exists.", ct);

        HttpContext.WriteETag(resource);
        await Send.CreatedAtAsync("Resources_Get", new { id = resource.Id }, ResourceResponse.From(resource), cancellation: ct);
    }
}

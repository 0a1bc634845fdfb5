using FastEndpoints;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.Resources.Create;

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
        Roles(Platform.Auth.Roles.AdminOnly);
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

using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.Resources.Update;

public sealed class UpdateResourceRequest : ResourceInput
{
    [RouteParam]
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class UpdateResourceValidator : Validator<UpdateResourceRequest>
{
    public UpdateResourceValidator() => Include(new ResourceInputValidator());
}

public sealed class UpdateResourceEndpoint(StudioDbContext db) : Endpoint<UpdateResourceRequest, ResourceResponse>
{
    public override void Configure()
    {
        Put("/resources/{id}");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("Resources", "Update", "Replace a resource's fields"));
    }

    public override async Task HandleAsync(UpdateResourceRequest req, CancellationToken ct)
    {
        var resource = await db.Resources.SingleOrDefaultAsync(r => r.Id == req.Id, ct)
                           ?? throw ApiProblem.NotFound("resource", req.Id);
        db.MatchVersion(resource, req.IfMatch);
        req.ApplyTo(resource);
        await db.SaveOrConflictAsync("Resources", "Name",
            $"A resource named {resource.Name} already exists.", ct);

        HttpContext.WriteETag(resource);
        await Send.OkAsync(ResourceResponse.From(resource), ct);
    }
}

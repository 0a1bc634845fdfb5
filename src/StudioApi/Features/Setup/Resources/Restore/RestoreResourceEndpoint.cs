using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.Resources.Restore;

public sealed class RestoreResourceRequest
{
    public long Id { get; set; }
}

public sealed class RestoreResourceEndpoint(StudioDbContext db) : Endpoint<RestoreResourceRequest, ResourceResponse>
{
    public override void Configure()
    {
        Post("/resources/{id}/restore");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("Resources", "Restore", "Bring a resource back from the recycle bin"));
    }

    public override async Task HandleAsync(RestoreResourceRequest req, CancellationToken ct)
    {
        var resource = await db.Resources.IgnoreQueryFilters()
                               .SingleOrDefaultAsync(r => r.Id == req.Id && r.DeletedAt != null, ct)
                           ?? throw ApiProblem.NotFound("deleted resource", req.Id);
        db.Restore(resource);
        await db.SaveOrConflictAsync("Resources", "Name",
            $"Another resource is now named {resource.Name}; rename it first.", ct);

        HttpContext.WriteETag(resource);
        await Send.OkAsync(ResourceResponse.From(resource), ct);
    }
}

using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.Resources.Get;

public sealed class GetResourceRequest
{
    public long Id { get; set; }
}

public sealed class GetResourceEndpoint(StudioDbContext db) : Endpoint<GetResourceRequest, ResourceResponse>
{
    public override void Configure()
    {
        Get("/resources/{id}");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Resources", "Get", "Get a resource"));
    }

    public override async Task HandleAsync(GetResourceRequest req, CancellationToken ct)
    {
        var resource = await db.Resources.AsNoTracking().SingleOrDefaultAsync(r => r.Id == req.Id, ct)
                           ?? throw ApiProblem.NotFound("resource", req.Id);
        HttpContext.WriteETag(resource);
        await Send.OkAsync(ResourceResponse.From(resource), ct);
    }
}

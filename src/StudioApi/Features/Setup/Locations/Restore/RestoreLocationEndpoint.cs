using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.Locations.Restore;

public sealed class RestoreLocationRequest
{
    public long Id { get; set; }
}

public sealed class RestoreLocationEndpoint(StudioDbContext db) : Endpoint<RestoreLocationRequest, LocationResponse>
{
    public override void Configure()
    {
        Post("/locations/{id}/restore");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("Locations", "Restore", "Bring a location back from the recycle bin"));
    }

    public override async Task HandleAsync(RestoreLocationRequest req, CancellationToken ct)
    {
        var location = await db.Locations.IgnoreQueryFilters()
                               .SingleOrDefaultAsync(r => r.Id == req.Id && r.DeletedAt != null, ct)
                           ?? throw ApiProblem.NotFound("deleted location", req.Id);
        db.Restore(location);
        await db.SaveOrConflictAsync("Locations", "Name",
            $"Another location is now named {location.Name}; rename it first.", ct);

        HttpContext.WriteETag(location);
        await Send.OkAsync(LocationResponse.From(location), ct);
    }
}

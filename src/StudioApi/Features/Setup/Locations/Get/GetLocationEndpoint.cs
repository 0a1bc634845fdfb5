using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.Locations.Get;

public sealed class GetLocationRequest
{
    public long Id { get; set; }
}

public sealed class GetLocationEndpoint(StudioDbContext db) : Endpoint<GetLocationRequest, LocationResponse>
{
    public override void Configure()
    {
        Get("/locations/{id}");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Locations", "Get", "Get an outside location"));
    }

    public override async Task HandleAsync(GetLocationRequest req, CancellationToken ct)
    {
        var location = await db.Locations.AsNoTracking().SingleOrDefaultAsync(r => r.Id == req.Id, ct)
                           ?? throw ApiProblem.NotFound("location", req.Id);
        HttpContext.WriteETag(location);
        await Send.OkAsync(LocationResponse.From(location), ct);
    }
}

using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.ProductionTypes.Get;

public sealed class GetProductionTypeRequest
{
    public long Id { get; set; }
}

public sealed class GetProductionTypeEndpoint(StudioDbContext db) : Endpoint<GetProductionTypeRequest, ProductionTypeResponse>
{
    public override void Configure()
    {
        Get("/production-types/{id}");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("ProductionTypes", "Get", "Get a production type"));
    }

    public override async Task HandleAsync(GetProductionTypeRequest req, CancellationToken ct)
    {
        var productionType = await db.ProductionTypes.AsNoTracking().SingleOrDefaultAsync(t => t.Id == req.Id, ct)
                             ?? throw ApiProblem.NotFound("production type", req.Id);
        HttpContext.WriteETag(productionType);
        await Send.OkAsync(ProductionTypeResponse.From(productionType), ct);
    }
}

using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.ProductionTypes.Restore;

public sealed class RestoreProductionTypeRequest
{
    public long Id { get; set; }
}

public sealed class RestoreProductionTypeEndpoint(StudioDbContext db) : Endpoint<RestoreProductionTypeRequest, ProductionTypeResponse>
{
    public override void Configure()
    {
        Post("/production-types/{id}/restore");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("ProductionTypes", "Restore", "Bring a production type back from the recycle bin"));
    }

    public override async Task HandleAsync(RestoreProductionTypeRequest req, CancellationToken ct)
    {
        var productionType = await db.ProductionTypes.IgnoreQueryFilters()
                                 .SingleOrDefaultAsync(t => t.Id == req.Id && t.DeletedAt != null, ct)
                             ?? throw ApiProblem.NotFound("deleted production type", req.Id);
        db.Restore(productionType);
        await db.SaveOrConflictAsync("ProductionTypes", "Name",
            $"Another production type is now named {productionType.Name}; rename it first.", ct);

        HttpContext.WriteETag(productionType);
        await Send.OkAsync(ProductionTypeResponse.From(productionType), ct);
    }
}

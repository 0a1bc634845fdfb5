using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.ProductionTypes.Delete;

public sealed class DeleteProductionTypeRequest
{
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class DeleteProductionTypeEndpoint(StudioDbContext db) : Endpoint<DeleteProductionTypeRequest>
{
    public override void Configure()
    {
        Delete("/production-types/{id}");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("ProductionTypes", "Delete",
            "Move a production type to the recycle bin"));
    }

    public override async Task HandleAsync(DeleteProductionTypeRequest req, CancellationToken ct)
    {
        var productionType = await db.ProductionTypes.SingleOrDefaultAsync(t => t.Id == req.Id, ct)
                             ?? throw ApiProblem.NotFound("production type", req.Id);
        db.MatchVersion(productionType, req.IfMatch);

        // Nothing refers to production types yet. The production orders issue adds the in-use check here, as
        // DeleteTaskTypeEndpoint does for tasks: a 409 with the count of live records that have the type.

        db.SoftDelete(productionType);
        await db.SaveChangesAsync(ct);
        await Send.NoContentAsync(ct);
    }
}

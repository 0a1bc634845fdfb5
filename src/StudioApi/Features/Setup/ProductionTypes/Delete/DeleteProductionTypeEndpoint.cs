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

/// <summary>Every area whose records have a production type answers for them (Sales' price list items; production orders later).</summary>
public sealed class DeleteProductionTypeEndpoint(StudioDbContext db, IEnumerable<ISetupRecordUses<ProductionType>> uses) : Endpoint<DeleteProductionTypeRequest>
{
    public override void Configure()
    {
        Delete("/production-types/{id}");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d
            .Answers(StatusCodes.Status409Conflict, "Live records have this type (their count in useCount).")
            .Operation("ProductionTypes", "Delete",
                "Move a production type to the recycle bin",
                "Refused while live price list items have it."));
    }

    public override async Task HandleAsync(DeleteProductionTypeRequest req, CancellationToken ct)
    {
        var productionType = await db.ProductionTypes.SingleOrDefaultAsync(t => t.Id == req.Id, ct)
                             ?? throw ApiProblem.NotFound("production type", req.Id);
        db.MatchVersion(productionType, req.IfMatch);

        // Only live records count: one in the recycle bin does not keep its type alive.
        var useCount = 0;
        foreach (var use in uses)
            useCount += await use.CountAsync(productionType.Id, ct);
        if (useCount > 0)
            throw ApiProblem.Conflict(
                $"{useCount} record(s) have production type {productionType.Name}; change their type first, or make the type inactive instead.",
                new Dictionary<string, object?> { ["useCount"] = useCount });

        db.SoftDelete(productionType);
        await db.SaveChangesAsync(ct);
        await Send.NoContentAsync(ct);
    }
}

using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.ProductionTypes.Update;

public sealed class UpdateProductionTypeRequest : ProductionTypeInput
{
    [RouteParam]
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class UpdateProductionTypeValidator : Validator<UpdateProductionTypeRequest>
{
    public UpdateProductionTypeValidator() => Include(new ProductionTypeInputValidator());
}

public sealed class UpdateProductionTypeEndpoint(StudioDbContext db) : Endpoint<UpdateProductionTypeRequest, ProductionTypeResponse>
{
    public override void Configure()
    {
        Put("/production-types/{id}");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("ProductionTypes", "Update", "Replace a production type's fields"));
    }

    public override async Task HandleAsync(UpdateProductionTypeRequest req, CancellationToken ct)
    {
        var productionType = await db.ProductionTypes.SingleOrDefaultAsync(t => t.Id == req.Id, ct)
                             ?? throw ApiProblem.NotFound("production type", req.Id);
        db.MatchVersion(productionType, req.IfMatch);
        req.ApplyTo(productionType);
        await db.SaveOrConflictAsync("ProductionTypes", "Name",
            $"A production type named {productionType.Name} already exists.", ct);

        HttpContext.WriteETag(productionType);
        await Send.OkAsync(ProductionTypeResponse.From(productionType), ct);
    }
}

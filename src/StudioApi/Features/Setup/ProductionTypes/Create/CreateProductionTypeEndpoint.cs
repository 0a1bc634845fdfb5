using FastEndpoints;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.ProductionTypes.Create;

public sealed class CreateProductionTypeRequest : ProductionTypeInput
{
    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }
}

public sealed class CreateProductionTypeValidator : Validator<CreateProductionTypeRequest>
{
    public CreateProductionTypeValidator() => Include(new ProductionTypeInputValidator());
}

public sealed class CreateProductionTypeEndpoint(StudioDbContext db) : Endpoint<CreateProductionTypeRequest, ProductionTypeResponse>
{
    public override void Configure()
    {
        Post("/production-types");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("ProductionTypes", "Create", "Create a production type",
            "A kind of product the studio makes: prints, frames, albums…").AcceptsIdempotencyKey());
    }

    public override async Task HandleAsync(CreateProductionTypeRequest req, CancellationToken ct)
    {
        var productionType = new ProductionType();
        req.ApplyTo(productionType);
        db.ProductionTypes.Add(productionType);
        await db.SaveOrConflictAsync("ProductionTypes", "Name",
            $"A production type named {productionType.Name} already exists.", ct);

        HttpContext.WriteETag(productionType);
        await Send.CreatedAtAsync("ProductionTypes_Get", new { id = productionType.Id }, ProductionTypeResponse.From(productionType), cancellation: ct);
    }
}

using FastEndpoints;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Production.Settings.Get;

public sealed class GetProductionSettingsEndpoint(StudioDbContext db) : EndpointWithoutRequest<ProductionSettingsResponse>
{
    public override void Configure()
    {
        Get("/production-settings");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("ProductionSettings", "Get", "Get the production settings",
            "The invoice status at which production orders are made by themselves."));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var settings = await db.GetProductionSettingsAsync(forUpdate: false, ct);
        HttpContext.WriteETag(settings);
        await Send.OkAsync(ProductionSettingsResponse.From(settings), ct);
    }
}

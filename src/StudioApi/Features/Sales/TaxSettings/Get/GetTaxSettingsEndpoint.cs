using FastEndpoints;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.TaxSettings.Get;

public sealed class GetTaxSettingsEndpoint(StudioDbContext db) : EndpointWithoutRequest<TaxSettingsResponse>
{
    public override void Configure()
    {
        Get("/tax-settings");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("TaxSettings", "Get", "Get the tax settings",
            "The rates, whether prices include tax, and whether digital items and shipping are taxed."));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var settings = await db.GetTaxSettingsAsync(forUpdate: false, ct);
        HttpContext.WriteETag(settings);
        await Send.OkAsync(TaxSettingsResponse.From(settings), ct);
    }
}

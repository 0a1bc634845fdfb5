using FastEndpoints;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.TaxSettings.Update;

public sealed class UpdateTaxSettingsRequest : TaxSettingsInput
{
    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class UpdateTaxSettingsValidator : Validator<UpdateTaxSettingsRequest>
{
    public UpdateTaxSettingsValidator() => Include(new TaxSettingsInputValidator());
}

public sealed class UpdateTaxSettingsEndpoint(StudioDbContext db) : Endpoint<UpdateTaxSettingsRequest, TaxSettingsResponse>
{
    public override void Configure()
    {
        Put("/tax-settings");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("TaxSettings", "Update", "Replace the tax settings",
            "Invoices already made keep the tax they were made with."));
    }

    public override async Task HandleAsync(UpdateTaxSettingsRequest req, CancellationToken ct)
    {
        var settings = await db.GetTaxSettingsAsync(forUpdate: true, ct);
        db.MatchVersion(settings, req.IfMatch);
        req.ApplyTo(settings);
        await db.SaveChangesAsync(ct);

        HttpContext.WriteETag(settings);
        await Send.OkAsync(TaxSettingsResponse.From(settings), ct);
    }
}

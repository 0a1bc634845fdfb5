using FastEndpoints;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Workflow;

namespace StudioApi.Features.Production.Settings.Update;

public sealed class UpdateProductionSettingsRequest
{
    /// <summary>A live invoice status: an invoice reaching it gets its production orders made. Null (or left out): only on request.</summary>
    public long? AutoCreateAtInvoiceStatusId { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class UpdateProductionSettingsValidator : Validator<UpdateProductionSettingsRequest>
{
    public UpdateProductionSettingsValidator() => RuleFor(r => r.AutoCreateAtInvoiceStatusId).GreaterThan(0);
}

public sealed class UpdateProductionSettingsEndpoint(StudioDbContext db) : Endpoint<UpdateProductionSettingsRequest, ProductionSettingsResponse>
{
    public override void Configure()
    {
        Put("/production-settings");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("ProductionSettings", "Update", "Replace the production settings",
            "Choosing an invoice status makes production orders for the invoices that reach it from now on (not for those already there)."));
    }

    public override async Task HandleAsync(UpdateProductionSettingsRequest req, CancellationToken ct)
    {
        if (req.AutoCreateAtInvoiceStatusId is { } statusId
            && !await db.StatusDefinitions.AnyAsync(s => s.Id == statusId && s.Kind == RecordKind.Invoice, ct))
            ThrowError(new ValidationFailure("autoCreateAtInvoiceStatusId", $"There is no invoice status {statusId}."));
        var settings = await db.GetProductionSettingsAsync(forUpdate: true, ct);
        db.MatchVersion(settings, req.IfMatch);
        if (settings.AutoCreateAtInvoiceStatusId != req.AutoCreateAtInvoiceStatusId)
        {
            settings.AutoCreateAtInvoiceStatusId = req.AutoCreateAtInvoiceStatusId;
            settings.AutoCreateChosenAt = req.AutoCreateAtInvoiceStatusId is null ? null : db.UtcNow;
        }
        await db.SaveChangesAsync(ct);

        HttpContext.WriteETag(settings);
        await Send.OkAsync(ProductionSettingsResponse.From(settings), ct);
    }
}

using StudioApi.Platform.Http;

namespace StudioApi.Features.Production.Settings;

public sealed class ProductionSettingsResponse : RecordResponse
{
    /// <summary>The invoice status at which an invoice's production orders are made by themselves; null: only on request.</summary>
    public long? AutoCreateAtInvoiceStatusId { get; init; }

    public static ProductionSettingsResponse From(ProductionSettings s) => new ProductionSettingsResponse
    {
        AutoCreateAtInvoiceStatusId = s.AutoCreateAtInvoiceStatusId,
    }.WithAudit(s);
}

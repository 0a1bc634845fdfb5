using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Production.Settings;

/// <summary>
/// How production runs in this studio. A single record, created at first start and only ever updated: today, the
/// invoice status at which an invoice's production orders are made by themselves (seed 001: "The software can create
/// production orders based on the invoices coming in").
/// </summary>
public sealed class ProductionSettings : AuditedRecord
{
    /// <summary>An invoice reaching this status gets its production orders made; null makes them only on request.</summary>
    public long? AutoCreateAtInvoiceStatusId { get; set; }
    /// <summary>
    /// When that status was chosen: only invoices reaching it afterwards get orders by themselves, not the history a
    /// lagging reader of the status log still has to read.
    /// </summary>
    public DateTime? AutoCreateChosenAt { get; set; }
}

public sealed class ProductionSettingsConfiguration : IEntityTypeConfiguration<ProductionSettings>
{
    public void Configure(EntityTypeBuilder<ProductionSettings> builder) => builder.ToTable("ProductionSettings");
}

public static class ProductionSettingsQuery
{
    /// <summary>The studio's production settings: the one row made at first start.</summary>
    public static async Task<ProductionSettings> GetProductionSettingsAsync(this StudioDbContext db, bool forUpdate, CancellationToken ct)
    {
        var query = forUpdate ? db.Set<ProductionSettings>() : db.Set<ProductionSettings>().AsNoTracking();
        return await query.OrderBy(s => s.Id).FirstOrDefaultAsync(ct)
               ?? throw new ApiProblem(StatusCodes.Status404NotFound, "Not found",
                   "The production settings do not exist yet: they are created when the API starts on its database.");
    }
}

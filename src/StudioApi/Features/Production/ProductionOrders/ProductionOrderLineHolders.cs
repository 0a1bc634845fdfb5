using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Sales.Invoices;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Production.ProductionOrders;

/// <summary>An invoice's lines are held by the production orders made from them, the recycle bin included (restoring one must find its lines).</summary>
public sealed class ProductionOrderLineHolders(StudioDbContext db) : IInvoiceLineHolders
{
    public async Task<IReadOnlyList<string>> FindAsync(long invoiceId, CancellationToken ct) =>
        (await db.Set<ProductionOrder>().IgnoreQueryFilters().Where(o => o.InvoiceId == invoiceId).OrderBy(o => o.Number).Select(o => o.Number).ToListAsync(ct))
        .Select(n => $"production order {n}").ToList();
}

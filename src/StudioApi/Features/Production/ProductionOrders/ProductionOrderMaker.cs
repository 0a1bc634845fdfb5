using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Production.Vendors;
using StudioApi.Features.Sales;
using StudioApi.Features.Sales.Invoices;
using StudioApi.Features.Sales.PriceListItems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;
using StudioApi.Platform.Workflow;

namespace StudioApi.Features.Production.ProductionOrders;

/// <summary>
/// Makes an invoice's production orders: its lines that have a production type and are on no production order yet,
/// one order per production type (in the order the types first appear on the invoice), each started at its type's
/// initial status and sent to the default vendor of its items or its type. Asked for (POST) and by the status log
/// reader when an invoice reaches the chosen status; both hold the invoice's row first, so two makers never both
/// order a line (the unique index on the line settles it should they try).
/// </summary>
public sealed class ProductionOrderMaker(StudioDbContext db, StatusTransitions transitions, StudioCalendar calendar)
{
    /// <summary>The orders made (none when every production line is already ordered). Inside the caller's transaction.</summary>
    public async Task<List<ProductionOrder>> MakeAsync(long invoiceId, CancellationToken ct)
    {
        // The invoice's row first: a second maker of the same invoice waits here and then finds the lines ordered.
        await db.Invoices.Where(i => i.Id == invoiceId).ExecuteUpdateAsync(set => set.SetProperty(i => i.Version, i => i.Version), ct);
        var invoice = await db.Invoices.AsNoTracking().SingleAsync(i => i.Id == invoiceId, ct);
        // An invoice has a few orders: read whole (SQLite cannot flatten owned lines in SQL).
        var ordered = (await db.Set<ProductionOrder>().IgnoreQueryFilters().AsNoTracking().Where(o => o.InvoiceId == invoiceId).ToListAsync(ct))
            .SelectMany(o => o.Lines).Select(l => (l.InvoiceLineId, l.Part)).ToHashSet();

        var itemIds = invoice.Lines.Where(l => l.ItemId is not null).Select(l => l.ItemId!.Value).Distinct().ToList();
        // Items deleted since the sale still tell their print size.
        var items = await db.PriceListItems.IgnoreQueryFilters().AsNoTracking().Where(i => itemIds.Contains(i.Id))
            .Select(i => new { i.Id, i.CropAspectRatio, i.PrintSize }).ToDictionaryAsync(i => i.Id, ct);
        var today = await calendar.TodayAsync(ct);

        var orders = new List<ProductionOrder>();
        foreach (var group in invoice.Lines.Where(l => l.ProductionTypeId is not null && l.CreditsLineId is null)
                     .OrderBy(l => l.Position).GroupBy(l => l.ProductionTypeId!.Value))
        {
            var lines = new List<ProductionOrderLine>();
            foreach (var line in group)
            {
                var item = line.ItemId is { } id ? items.GetValueOrDefault(id) : null;
                if (line.ItemType == PriceListItemType.Package && line.Poses.Count > 0)
                {
                    // A package is made from the poses the client chose: one ordered image each.
                    foreach (var pose in line.Poses.OrderBy(p => p.Position))
                        if (!ordered.Contains((line.Id, pose.Position + 1)))
                            lines.Add(NewLine(line, pose.Position + 1, pose.ImageId, 0, null, null, null));
                }
                else if (!ordered.Contains((line.Id, 0)))
                {
                    lines.Add(NewLine(line, 0, line.ImageId, line.Rotation ?? 0, line.CropAspectRatio ?? item?.CropAspectRatio, item?.PrintSize, line));
                }
            }
            if (lines.Count == 0)
                continue;
            for (var i = 0; i < lines.Count; i++)
                lines[i].Position = i;
            var lineItems = group.Where(l => l.ItemId is not null).Select(l => l.ItemId!.Value).Distinct().ToList();
            orders.Add(new ProductionOrder
            {
                InvoiceId = invoice.Id,
                ClientId = invoice.ClientId,
                SessionId = invoice.SessionId,
                ProductionTypeId = group.Key,
                VendorId = await VendorDefaults.ForAsync(db, lineItems, group.Key, ct),
                OrderDate = today,
                Lines = lines,
            });
        }
        if (orders.Count == 0)
            return orders;
        db.Set<ProductionOrder>().AddRange(orders);
        await transitions.StartManyAsync(RecordKind.ProductionOrder, orders, () => db.SaveNumberedAsync(orders, ct), ct);
        return orders;
    }

    static ProductionOrderLine NewLine(InvoiceLine line, int part, long? imageId, int rotation, string? ratio, string? printSize, InvoiceLine? crop) => new()
    {
        InvoiceLineId = line.Id,
        Part = part,
        ItemId = line.ItemId,
        Code = line.Code,
        Description = line.Description,
        Quantity = line.Quantity,
        AspectRatio = ratio,
        PrintSize = printSize,
        ImageId = imageId,
        Rotation = rotation,
        CropX = crop?.CropX,
        CropY = crop?.CropY,
        CropWidth = crop?.CropWidth,
        CropHeight = crop?.CropHeight,
    };
}

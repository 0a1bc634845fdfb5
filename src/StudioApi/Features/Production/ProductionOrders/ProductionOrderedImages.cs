using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Imaging.Processing;
using StudioApi.Features.Imaging.RenderRuns;
using StudioApi.Features.Sales.PriceListItems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Production.ProductionOrders;

/// <summary>What a render of ordered images renders: a production order's lines with an image, as ordered.</summary>
public sealed class ProductionOrderedImages(StudioDbContext db) : IOrderedImages
{
    public async Task<OrderedImageSet?> FindAsync(long productionOrderId, ClaimsPrincipal? caller, CancellationToken ct)
    {
        var orders = db.Set<ProductionOrder>().AsNoTracking();
        if (caller is not null)
            orders = orders.Visible(db, caller);
        var order = await orders.SingleOrDefaultAsync(o => o.Id == productionOrderId, ct);
        if (order is null)
            return null;
        var images = order.Lines.Where(l => l.ImageId is not null).OrderBy(l => l.Position).Select(l =>
        {
            var size = PrintSizes.Parse(l.PrintSize);
            return new OrderedImage(l.ImageId!.Value, l.Rotation,
                l is { CropX: { } x, CropY: { } y, CropWidth: { } w, CropHeight: { } h } ? new NormalizedRect(x, y, w, h) : null,
                size?.Width, size?.Height, l.Id);
        }).ToList();
        return new OrderedImageSet(order.Id, order.SessionId, images);
    }

    public async Task<IReadOnlyList<long>> ImageIdsOfSessionsAsync(IReadOnlyCollection<long> sessionIds, CancellationToken ct) =>
        (await db.Set<ProductionOrder>().AsNoTracking().Where(o => o.SessionId != null && sessionIds.Contains(o.SessionId.Value)).ToListAsync(ct))
        .SelectMany(o => o.Lines).Where(l => l.ImageId is not null).Select(l => l.ImageId!.Value).Distinct().ToList();
}

using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.PriceListItems;

public static class ItemSaving
{
    /// <summary>
    /// Saves, answering a 409 that names the taken code or coupon code when a unique index refuses the write: the
    /// index decides, so two requests racing for one code cannot both win.
    /// </summary>
    public static async Task SaveItemAsync(this StudioDbContext db, PriceListItem item, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation("PriceListItems", "CodeKey"))
        {
            throw ApiProblem.Conflict($"Another item of this price list has code {item.Code}.");
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation("PriceListItems", "CouponCodeKey"))
        {
            throw ApiProblem.Conflict($"Another promotion of this price list has coupon code {item.CouponCode}.");
        }
    }
}

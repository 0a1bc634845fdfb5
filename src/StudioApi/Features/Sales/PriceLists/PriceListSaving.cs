using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.PriceLists;

public static class PriceListSaving
{
    /// <summary>Saves, answering a 409 when a unique index refuses the list's name or one of its uses (the index decides races).</summary>
    public static async Task SavePriceListAsync(this StudioDbContext db, PriceList list, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation("PriceLists", "Name"))
        {
            throw ApiProblem.Conflict($"A price list named {list.Name} already exists.");
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation("PriceListAssignments", "Channel"))
        {
            throw ApiProblem.Conflict(PriceListUses.TakenMeanwhile);
        }
    }
}

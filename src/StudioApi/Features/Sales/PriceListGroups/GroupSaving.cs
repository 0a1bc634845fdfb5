using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.PriceListGroups;

public static class GroupSaving
{
    /// <summary>Saves, answering a 409 when the list already has a live group of that name (the unique index decides).</summary>
    public static async Task SaveGroupAsync(this StudioDbContext db, PriceListGroup group, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation("PriceListGroups", "NameKey"))
        {
            throw ApiProblem.Conflict($"This price list already has a group named {group.Name}.");
        }
    }
}

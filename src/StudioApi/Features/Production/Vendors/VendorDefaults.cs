using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Sales;
using StudioApi.Features.Setup;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Production.Vendors;

/// <summary>
/// Which vendor a production order goes to by default: the default vendor of one of its items, else its production
/// type's. Each type and item has at most one live default vendor, checked when a vendor names them.
/// </summary>
public static class VendorDefaults
{
    /// <summary>Refuses unknown types and items (400, naming each) and ones another live vendor is already the default of (422).</summary>
    public static async Task CheckAsync(StudioDbContext db, VendorInput input, long? selfId, CancellationToken ct)
    {
        var typeIds = input.ProductionTypeIds ?? [];
        var itemIds = input.PriceListItemIds ?? [];
        var knownTypes = typeIds.Count == 0 ? [] : await db.ProductionTypes.Where(t => typeIds.Contains(t.Id)).Select(t => t.Id).ToListAsync(ct);
        var knownItems = itemIds.Count == 0 ? [] : await db.PriceListItems.Where(i => itemIds.Contains(i.Id)).Select(i => i.Id).ToListAsync(ct);
        var unknown = new List<(string, string)>();
        for (var i = 0; i < typeIds.Count; i++)
            if (!knownTypes.Contains(typeIds[i]))
                unknown.Add(($"productionTypeIds[{i}]", $"There is no production type {typeIds[i]}."));
        for (var i = 0; i < itemIds.Count; i++)
            if (!knownItems.Contains(itemIds[i]))
                unknown.Add(($"priceListItemIds[{i}]", $"There is no price list item {itemIds[i]}."));
        if (unknown.Count > 0)
            throw ApiProblem.InvalidFields(unknown);

        // The other live vendors that are the default of one of these (owned rows are read with their vendor: SQLite cannot flatten them in SQL).
        var others = db.Set<Vendor>().AsNoTracking().Where(v => v.Id != selfId);
        if (typeIds.Count > 0
            && await others.Where(v => v.ProductionTypes.Any(t => typeIds.Contains(t.ProductionTypeId))).FirstOrDefaultAsync(ct) is { } typeVendor)
        {
            var typeId = typeVendor.ProductionTypes.Select(t => t.ProductionTypeId).First(typeIds.Contains);
            throw ApiProblem.RuleBroken($"Production type {typeId}'s default vendor is {typeVendor.Name}: take it from that vendor first.",
                new Dictionary<string, object?> { ["field"] = "productionTypeIds" });
        }
        if (itemIds.Count > 0
            && await others.Where(v => v.PriceListItems.Any(i => itemIds.Contains(i.PriceListItemId))).FirstOrDefaultAsync(ct) is { } itemVendor)
        {
            var itemId = itemVendor.PriceListItems.Select(i => i.PriceListItemId).First(itemIds.Contains);
            throw ApiProblem.RuleBroken($"Price list item {itemId}'s default vendor is {itemVendor.Name}: take it from that vendor first.",
                new Dictionary<string, object?> { ["field"] = "priceListItemIds" });
        }
    }

    /// <summary>The live default vendor of the first of <paramref name="itemIds"/> that has one, else of the production type; null when none.</summary>
    public static async Task<long?> ForAsync(StudioDbContext db, IReadOnlyList<long> itemIds, long? productionTypeId, CancellationToken ct)
    {
        if (itemIds.Count > 0)
        {
            var vendors = await db.Set<Vendor>().AsNoTracking().Where(v => v.PriceListItems.Any(i => itemIds.Contains(i.PriceListItemId)))
                .OrderBy(v => v.Id).ToListAsync(ct);
            foreach (var itemId in itemIds)
                if (vendors.FirstOrDefault(v => v.PriceListItems.Any(i => i.PriceListItemId == itemId)) is { } found)
                    return found.Id;
        }
        if (productionTypeId is not { } typeId)
            return null;
        return await db.Set<Vendor>().Where(v => v.ProductionTypes.Any(t => t.ProductionTypeId == typeId))
            .OrderBy(v => v.Id).Select(v => (long?)v.Id).FirstOrDefaultAsync(ct);
    }
}

using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Setup;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.PriceListItems;

/// <summary>An item as others refer to it: what a package's component or a promotion's target needs to know.</summary>
public sealed record ItemRef(long Id, string Code, string Description, PriceListItemType Type);

/// <summary>
/// What an item's references are checked against: the live groups and items of its list, the usable production
/// types, and which packages and promotions already refer to the item. The API loads only what one item names; the
/// spreadsheet import builds it for the whole list with the file's rows in it.
/// </summary>
public sealed class ItemLookup
{
    /// <summary>Live groups of the list: id → name.</summary>
    public required IReadOnlyDictionary<long, string> Groups { get; init; }
    /// <summary>Live items of the list that the item names (or all of them).</summary>
    public required IReadOnlyDictionary<long, ItemRef> Items { get; init; }
    /// <summary>Live, active production types.</summary>
    public required IReadOnlySet<long> ProductionTypes { get; init; }
    /// <summary>By component id: the live packages holding it.</summary>
    public required ILookup<long, ItemRef> PackagesHolding { get; init; }
    /// <summary>By item id: the live promotions applying to it.</summary>
    public required ILookup<long, ItemRef> PromotionsTargeting { get; init; }
}

/// <summary>
/// The rules an item's references follow, in one place for the API and the import: its group is of its list; a
/// package holds live products of its list (not itself, not packages, not promotions); a promotion applies to items
/// (not promotions) and groups of its list; an item in a package or under a promotion cannot become one of the kinds
/// that may not be there. Each broken rule is named by its field as the API spells it.
/// </summary>
public static class ItemReferences
{
    public static List<(string Field, string Reason)> Check(PriceListItemInput input, long? selfId, long? currentProductionTypeId, ItemLookup lookup)
    {
        var errors = new List<(string, string)>();
        if (!lookup.Groups.ContainsKey(input.GroupId))
            errors.Add(("groupId", $"There is no group {input.GroupId} in this price list."));
        if (input.ProductionTypeId is { } typeId && typeId != currentProductionTypeId && !lookup.ProductionTypes.Contains(typeId))
            errors.Add(("productionTypeId", $"There is no active production type {typeId}."));

        if (input is { Type: PriceListItemType.Package, Package.Components: { } components })
            for (var i = 0; i < components.Count; i++)
            {
                var id = components[i].ItemId;
                var problem = id == selfId ? "A package cannot hold itself."
                    : !lookup.Items.TryGetValue(id, out var component) ? $"There is no item {id} in this price list."
                    : component.Type is PriceListItemType.Package or PriceListItemType.Promotional
                        ? $"Item {component.Code} is a {Wire(component.Type)}: a package holds products, not packages or promotions."
                        : null;
                if (problem is not null)
                    errors.Add(($"package.components[{i}].itemId", problem));
            }

        if (input is { Type: PriceListItemType.Promotional, Promotion: { } promotion })
        {
            var itemIds = promotion.AppliesToItemIds ?? [];
            for (var i = 0; i < itemIds.Count; i++)
            {
                var problem = itemIds[i] == selfId ? "A promotion cannot apply to itself."
                    : !lookup.Items.TryGetValue(itemIds[i], out var target) ? $"There is no item {itemIds[i]} in this price list."
                    : target.Type == PriceListItemType.Promotional ? $"Item {target.Code} is a promotion: a promotion applies to what is sold."
                    : null;
                if (problem is not null)
                    errors.Add(($"promotion.appliesToItemIds[{i}]", problem));
            }
            var groupIds = promotion.AppliesToGroupIds ?? [];
            for (var i = 0; i < groupIds.Count; i++)
                if (!lookup.Groups.ContainsKey(groupIds[i]))
                    errors.Add(($"promotion.appliesToGroupIds[{i}]", $"There is no group {groupIds[i]} in this price list."));
        }

        if (selfId is { } self)
        {
            if (input.Type is PriceListItemType.Package or PriceListItemType.Promotional && lookup.PackagesHolding[self].ToList() is { Count: > 0 } packages)
                errors.Add(("type", $"This item is in package {Codes(packages)}, which holds products only: take it out of the package first."));
            if (input.Type == PriceListItemType.Promotional && lookup.PromotionsTargeting[self].ToList() is { Count: > 0 } promotions)
                errors.Add(("type", $"Promotion {Codes(promotions)} applies to this item; a promotion cannot apply to another promotion."));
        }
        return errors;
    }

    /// <summary>What blocks deleting the item: the live packages holding it and the live promotions applying to it.</summary>
    public static async Task<List<string>> UsesAsync(StudioDbContext db, PriceListItem item, CancellationToken ct)
    {
        var packages = await db.PriceListItems.Where(p => p.Components.Any(c => c.ItemId == item.Id)).Select(p => p.Code).ToListAsync(ct);
        var promotions = await db.PriceListItems
            .Where(p => p.PromotionTargets.Any(t => t.Kind == PromotionTargetKind.Item && t.TargetId == item.Id)).Select(p => p.Code).ToListAsync(ct);
        return [.. packages.Select(code => $"package {code} holds it"), .. promotions.Select(code => $"promotion {code} applies to it")];
    }

    /// <summary>The lookup for one item of the API: its list's groups, the items it names, and who refers to it.</summary>
    public static async Task<ItemLookup> LoadAsync(StudioDbContext db, long priceListId, PriceListItemInput input, long? selfId, CancellationToken ct)
    {
        var groups = await db.PriceListGroups.Where(g => g.PriceListId == priceListId).ToDictionaryAsync(g => g.Id, g => g.Name, ct);
        var named = (input.Package?.Components ?? []).Select(c => c.ItemId)
            .Concat(input.Promotion?.AppliesToItemIds ?? []).Distinct().ToList();
        var items = await db.PriceListItems.Where(i => i.PriceListId == priceListId && named.Contains(i.Id))
            .Select(i => new ItemRef(i.Id, i.Code, i.Description, i.Type)).ToDictionaryAsync(i => i.Id, ct);
        var productionTypes = input.ProductionTypeId is { } typeId
            ? await db.ProductionTypes.Where(t => t.Id == typeId && t.IsActive).Select(t => t.Id).ToListAsync(ct)
            : [];
        List<(long, ItemRef)> holding = [], targeting = [];
        if (selfId is { } self)
        {
            holding = (await db.PriceListItems.Where(p => p.Components.Any(c => c.ItemId == self))
                .Select(p => new ItemRef(p.Id, p.Code, p.Description, p.Type)).ToListAsync(ct)).Select(p => (self, p)).ToList();
            targeting = (await db.PriceListItems.Where(p => p.PromotionTargets.Any(t => t.Kind == PromotionTargetKind.Item && t.TargetId == self))
                .Select(p => new ItemRef(p.Id, p.Code, p.Description, p.Type)).ToListAsync(ct)).Select(p => (self, p)).ToList();
        }
        return new ItemLookup
        {
            Groups = groups,
            Items = items,
            ProductionTypes = productionTypes.ToHashSet(),
            PackagesHolding = holding.ToLookup(h => h.Item1, h => h.Item2),
            PromotionsTargeting = targeting.ToLookup(t => t.Item1, t => t.Item2),
        };
    }

    static string Codes(IEnumerable<ItemRef> items) => string.Join(", ", items.Select(i => i.Code));

    public static string Wire(PriceListItemType type) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(type.ToString());
}

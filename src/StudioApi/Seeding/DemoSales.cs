using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Sales;
using StudioApi.Features.Sales.PriceListGroups;
using StudioApi.Features.Sales.PriceListItems;
using StudioApi.Features.Sales.PriceLists;
using StudioApi.Features.Sales.ShippingMethods;
using StudioApi.Features.Sales.TaxSettings;
using StudioApi.Features.Setup;
using StudioApi.Platform.Currencies;
using StudioApi.Platform.Persistence;

namespace StudioApi.Seeding;

/// <summary>
/// What the demo studio sells, so a new install can sell at once: an in-studio price list (session fee, prints,
/// wallets, a digital file, a package, a spring coupon) that is the in-studio default, a simpler online list that is
/// the online default (the seed recommends the two), three shipping methods and the demo's 8.25% sales tax.
/// </summary>
public static class DemoSales
{
    public static async Task SeedAsync(StudioDbContext db, CancellationToken ct)
    {
        if (await db.PriceLists.IgnoreQueryFilters().AnyAsync(ct))
            return;

        var tax = await db.GetTaxSettingsAsync(forUpdate: true, ct);
        if (tax.Rates.Count == 0)
            tax.Rates = [new TaxRate { Name = "Sales tax", RatePercent = new Rate(8.25m), Position = 0 }];
        db.ShippingMethods.AddRange(
            new ShippingMethod { Name = "Pick up at the studio", Price = Money.Zero, SortOrder = 10 },
            new ShippingMethod { Name = "Standard mail", Description = "5–7 business days", Price = new Money(800), SortOrder = 20 },
            new ShippingMethod { Name = "Express", Description = "2 business days", Price = new Money(2000), SortOrder = 30 });
        await db.SaveChangesAsync(ct);

        var productionTypes = await db.ProductionTypes.ToDictionaryAsync(t => t.Name, t => (long?)t.Id, ct);
        long? Production(string name) => productionTypes.GetValueOrDefault(name);

        var studio = await NewListAsync(db, "Studio 2026", "In-studio sales: the kiosk and the front desk.", SalesChannel.InStudio, ct);
        var fees = await GroupAsync(db, studio, "Session Fees", 10, ct);
        var prints = await GroupAsync(db, studio, "Prints", 20, ct);
        var packages = await GroupAsync(db, studio, "Packages", 30, ct);
        var digital = await GroupAsync(db, studio, "Digital", 40, ct);
        var promotions = await GroupAsync(db, studio, "Promotions", 50, ct);
        var position = 0;
        PriceListItem Item(PriceListGroup group, string code, string description, PriceListItemType type, long price, long cost = 0,
            string? ratio = null, string? production = null, bool online = false, bool taxable = true) => new()
        {
            PriceListId = group.PriceListId, GroupId = group.Id, Code = code, CodeKey = PriceListItem.KeyOf(code), Description = description,
            Type = type, Price = new Money(price), Cost = new Money(cost), Taxable = taxable,
            NeedsImage = type is PriceListItemType.Standard or PriceListItemType.Digital && production is not null,
            CropAspectRatio = ratio, ProductionTypeId = Production(production ?? ""), AvailableOnline = online, Position = position += 10,
        };

        var sessionFee = Item(fees, "SF-PORTRAIT", "Portrait session fee", PriceListItemType.SessionFee, 15000, taxable: false);
        var print5X7 = Item(prints, "5x7", "5x7 print", PriceListItemType.Standard, 2500, 250, "5:7", "Prints", online: true);
        var print8X10 = Item(prints, "8x10", "8x10 print", PriceListItemType.Standard, 4500, 400, "4:5", "Prints", online: true);
        var print11X14 = Item(prints, "11x14", "11x14 print", PriceListItemType.Standard, 9500, 900, "11:14", "Prints");
        // Production renders each print's image at its size.
        (print5X7.PrintSize, print8X10.PrintSize, print11X14.PrintSize) = ("5x7", "8x10", "11x14");
        var wallets = Item(prints, "WALLETS", "Wallets, sheet of 8", PriceListItemType.Standard, 3000, 300, "5:7", "Prints");
        var file = Item(digital, "DIGITAL", "Digital file, full resolution", PriceListItemType.Digital, 3500, 0, null, "Digital", online: true);
        db.PriceListItems.AddRange(sessionFee, print5X7, print8X10, print11X14, wallets, file);
        await db.SaveChangesAsync(ct);

        var gold = Item(packages, "PKG-GOLD", "Gold package: an 8x10, two 5x7s and a sheet of wallets", PriceListItemType.Package, 14900);
        gold.Components =
        [
            new PackageComponent { ItemId = print8X10.Id, Quantity = 1, Position = 0 },
            new PackageComponent { ItemId = print5X7.Id, Quantity = 2, Position = 1 },
            new PackageComponent { ItemId = wallets.Id, Quantity = 1, Position = 2 },
        ];
        (gold.MinPoses, gold.MaxPoses) = (1, 3);
        var spring = Item(promotions, "PROMO-SPRING", "Spring special: 10% off prints over $100", PriceListItemType.Promotional, 0);
        (spring.CouponCode, spring.CouponCodeKey, spring.DiscountPercent, spring.MinimumOrderAmount, spring.OncePerClient) =
            ("SPRING10", "SPRING10", new Rate(10m), new Money(10000), true);
        spring.PromotionTargets = [new PromotionTarget { Kind = PromotionTargetKind.Group, TargetId = prints.Id }];
        db.PriceListItems.AddRange(gold, spring);
        await db.SaveChangesAsync(ct);

        var online = await NewListAsync(db, "Online Store 2026", "What clients order online, without a sales person.", SalesChannel.Online, ct);
        var onlinePrints = await GroupAsync(db, online, "Prints", 10, ct);
        var onlineDigital = await GroupAsync(db, online, "Digital", 20, ct);
        position = 0;
        db.PriceListItems.AddRange(
            Item(onlinePrints, "5x7", "5x7 print", PriceListItemType.Standard, 2700, 250, "5:7", "Prints", online: true),
            Item(onlinePrints, "8x10", "8x10 print", PriceListItemType.Standard, 4900, 400, "4:5", "Prints", online: true),
            Item(onlineDigital, "DIGITAL", "Digital file, full resolution", PriceListItemType.Digital, 3900, 0, null, "Digital", online: true));
        await db.SaveChangesAsync(ct);
    }

    static async Task<PriceList> NewListAsync(StudioDbContext db, string name, string description, SalesChannel channel, CancellationToken ct)
    {
        var list = new PriceList
        {
            Name = name,
            Description = description,
            Assignments = [new PriceListAssignment { Channel = channel, Target = AssignmentTarget.Default }],
        };
        db.PriceLists.Add(list);
        await db.SaveChangesAsync(ct);
        return list;
    }

    static async Task<PriceListGroup> GroupAsync(StudioDbContext db, PriceList list, string name, int position, CancellationToken ct)
    {
        var group = new PriceListGroup { PriceListId = list.Id, Name = name, NameKey = PriceListGroup.KeyOf(name), Position = position };
        db.PriceListGroups.Add(group);
        await db.SaveChangesAsync(ct);
        return group;
    }
}

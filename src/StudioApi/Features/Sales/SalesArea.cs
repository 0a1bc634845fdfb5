using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Sales.PaymentMethods;
using StudioApi.Features.Sales.PriceListGroups;
using StudioApi.Features.Sales.PriceListItems;
using StudioApi.Features.Sales.PriceLists;
using StudioApi.Features.Sales.PriceLists.Import;
using StudioApi.Features.Sales.ShippingMethods;
using StudioApi.Features.Sales.TaxSettings;
using StudioApi.Features.Setup;
using StudioApi.Features.Setup.ProductionTypes;
using StudioApi.Platform.Currencies;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales;

/// <summary>
/// Sales: what the studio sells and how it is paid. Today the setup of selling (payment methods, shipping methods,
/// tax settings) and the price lists (groups, items, packages, promotions; copies; spreadsheet import and export);
/// invoices and payments build on them. Uses Setup, Clients, Scheduling and Imaging.
/// </summary>
public static class SalesArea
{
    public static IServiceCollection AddSales(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PriceListImportOptions>(configuration.GetSection(PriceListImportOptions.Section));
        services.AddScoped<PriceListImporter>();
        services.AddScoped<ISetupRecordUses<ProductionType>, ProductionTypeUses>();
        services.AddScoped<IAmountsInCurrency, SalesAmounts>();
        return services;
    }

    extension(StudioDbContext db)
    {
        public DbSet<PaymentMethod> PaymentMethods => db.Set<PaymentMethod>();
        public DbSet<ShippingMethod> ShippingMethods => db.Set<ShippingMethod>();
        public DbSet<SalesTaxSettings> SalesTaxSettings => db.Set<SalesTaxSettings>();
        public DbSet<PriceList> PriceLists => db.Set<PriceList>();
        public DbSet<PriceListGroup> PriceListGroups => db.Set<PriceListGroup>();
        public DbSet<PriceListItem> PriceListItems => db.Set<PriceListItem>();
    }
}

/// <summary>A production type is in use while live price list items have it.</summary>
public sealed class ProductionTypeUses(StudioDbContext db) : ISetupRecordUses<ProductionType>
{
    public Task<int> CountAsync(long id, CancellationToken ct) => db.PriceListItems.CountAsync(i => i.ProductionTypeId == id, ct);
}

/// <summary>
/// The amounts Sales keeps in the studio's currency: priced items of every price list and priced shipping methods,
/// the recycle bin included (a restored list would come back in the wrong unit).
/// </summary>
public sealed class SalesAmounts(StudioDbContext db) : IAmountsInCurrency
{
    public async Task<string?> DescribeAsync(CancellationToken ct)
    {
        var items = await db.PriceListItems.IgnoreQueryFilters().CountAsync(i => i.Price != Money.Zero || i.Cost != Money.Zero, ct);
        var shipping = await db.ShippingMethods.IgnoreQueryFilters().CountAsync(m => m.Price != Money.Zero, ct);
        return items + shipping == 0 ? null
            : $"{items} price list item(s) and {shipping} shipping method(s) have prices in the current currency";
    }
}

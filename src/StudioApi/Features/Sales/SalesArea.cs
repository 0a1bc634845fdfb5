using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Clients.Clients;
using StudioApi.Features.Sales.CardPayments;
using StudioApi.Features.Sales.Invoices;
using StudioApi.Features.Sales.PaymentMethods;
using StudioApi.Features.Sales.Payments;
using StudioApi.Features.Sales.PriceListGroups;
using StudioApi.Features.Sales.PriceListItems;
using StudioApi.Features.Sales.PriceLists;
using StudioApi.Features.Sales.PriceLists.Import;
using StudioApi.Features.Sales.Receivables;
using StudioApi.Features.Sales.ShippingMethods;
using StudioApi.Features.Sales.TaxSettings;
using StudioApi.Features.Scheduling.Sessions;
using StudioApi.Features.Setup;
using StudioApi.Features.Setup.ProductionTypes;
using StudioApi.Platform.Currencies;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Workflow;

using StudioApi.Features.Sales.CardPayments.Deposits;
using StudioApi.Platform.Background;
using StudioApi.Features.Scheduling.OnlineBooking.Deposits;

namespace StudioApi.Features.Sales;

/// <summary>
/// Sales: what the studio sells and how it is paid. The setup of selling (payment methods, shipping methods, tax
/// settings), the price lists (groups, items, packages, promotions; copies; spreadsheet import and export), invoices
/// of every type with their workflow, payments, refunds and payment plans, and what clients owe (balances, aging).
/// Uses Setup, Clients, Scheduling and Imaging.
/// </summary>
public static class SalesArea
{
    public static IServiceCollection AddSales(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PriceListImportOptions>(configuration.GetSection(PriceListImportOptions.Section));
        services.AddScoped<PriceListImporter>();
        services.AddScoped<ISetupRecordUses<ProductionType>, ProductionTypeUses>();
        services.AddScoped<IAmountsInCurrency, SalesAmounts>();

        services.AddWorkflowKind<Invoice>(RecordKind.Invoice, "invoices", db => db.Invoices, visibleTo: (invoices, db, user) => invoices.Visible(db, user));
        services.AddScoped<InvoicePricing>();
        // A session's invoices go to the recycle bin with it; paid ones stop its delete.
        services.AddScoped<ISessionDependent, InvoiceSessionDependent>();
        services.AddScoped<IClientBalances, ClientBalances>();

        // Cards through Stripe: the provider behind its interface, configured under Payments:Stripe.
        services.Configure<StripeOptions>(configuration.GetSection(StripeOptions.Section));
        // Online booking's card deposits (Scheduling asks through IBookingDeposits), and the release of unpaid holds.
        services.Configure<OnlineBookingOptions>(configuration.GetSection(OnlineBookingOptions.Section));
        services.AddScoped<IBookingDeposits, BookingDeposits>();
        services.AddScoped<DepositHoldSweep>();
        services.AddScheduledJob<DepositHoldSweep>("booking-deposit-holds", TimeSpan.FromMinutes(1));
        services.AddHttpClient(nameof(StripeCardPayments));
        services.AddScoped<ICardPaymentProvider, StripeCardPayments>();
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
        public DbSet<Invoice> Invoices => db.Set<Invoice>();
        public DbSet<Payment> Payments => db.Set<Payment>();
        public DbSet<CardPayment> CardPayments => db.Set<CardPayment>();
        public DbSet<ProviderEvent> ProviderEvents => db.Set<ProviderEvent>();
    }
}

/// <summary>A production type is in use while live price list items have it.</summary>
public sealed class ProductionTypeUses(StudioDbContext db) : ISetupRecordUses<ProductionType>
{
    public Task<int> CountAsync(long id, CancellationToken ct) => db.PriceListItems.CountAsync(i => i.ProductionTypeId == id, ct);
}

/// <summary>
/// The amounts Sales keeps in the studio's currency: priced items of every price list, priced shipping methods,
/// invoices and payments, the recycle bin included (a restored list would come back in the wrong unit).
/// </summary>
public sealed class SalesAmounts(StudioDbContext db) : IAmountsInCurrency
{
    public async Task<string?> DescribeAsync(CancellationToken ct)
    {
        var items = await db.PriceListItems.IgnoreQueryFilters().CountAsync(i => i.Price != Money.Zero || i.Cost != Money.Zero, ct);
        var shipping = await db.ShippingMethods.IgnoreQueryFilters().CountAsync(m => m.Price != Money.Zero, ct);
        var invoices = await db.Invoices.IgnoreQueryFilters().CountAsync(ct);
        return items + shipping + invoices == 0 ? null
            : $"{items} price list item(s), {shipping} shipping method(s) and {invoices} invoice(s) have amounts in the current currency";
    }
}

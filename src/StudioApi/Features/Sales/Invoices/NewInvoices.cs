using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Sales.PriceLists;
using StudioApi.Features.Sales.TaxSettings;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.Invoices;

/// <summary>What every new invoice is given: its type by the session's rule, its price list, the tax rules of the day.</summary>
public static class NewInvoices
{
    /// <summary>
    /// The seed's rule: the first invoice of a session is its session fee, the next its initial order, the ones after
    /// reorders (void and deleted invoices do not count). An invoice without a session is a reorder.
    /// </summary>
    public static async Task<InvoiceType> DefaultTypeAsync(StudioDbContext db, long? sessionId, CancellationToken ct)
    {
        if (sessionId is not { } id)
            return InvoiceType.Reorder;
        var types = await db.Invoices.Where(i => i.SessionId == id && i.VoidedAt == null).Select(i => i.Type).Distinct().ToListAsync(ct);
        return !types.Any(Invoice.IsReceivableType) ? InvoiceType.SessionFee
            : !types.Contains(InvoiceType.InitialOrder) ? InvoiceType.InitialOrder
            : InvoiceType.Reorder;
    }

    /// <summary>The list the invoice sells from: the one asked for, else the session's in-studio list, else the in-studio default.</summary>
    public static async Task<long> PriceListAsync(StudioDbContext db, long? asked, long? organizationId, long? sessionTypeId, CancellationToken ct)
    {
        if (asked is { } id)
            return await db.PriceLists.AnyAsync(l => l.Id == id, ct)
                ? id
                : throw ApiProblem.InvalidInput("priceListId", $"There is no price list {id}.");
        var chosen = await SessionPriceList.FindAsync(db, organizationId, sessionTypeId, SalesChannel.InStudio, ct);
        return chosen?.PriceListId ?? throw ApiProblem.RuleBroken(
            "No price list applies: give priceListId, or give the session's organization or type a list, or make one the in-studio default.");
    }

    /// <summary>Copies the tax rules of the day onto a new invoice: later changes of the settings leave it as sold.</summary>
    public static void CopyTax(Invoice invoice, SalesTaxSettings tax)
    {
        invoice.TaxIncludedInPrices = tax.TaxIncludedInPrices;
        invoice.Taxes = tax.Rates.OrderBy(r => r.Position)
            .Select((r, i) => new InvoiceTax { Position = i, Name = r.Name, RatePercent = r.RatePercent }).ToList();
    }
}

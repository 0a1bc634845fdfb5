using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.Invoices;

/// <summary>
/// What makes an invoice money on record, which is never deleted (only voided): payments, credit memos against it, and
/// being a credit memo itself (its credit is in its invoice's balance).
/// </summary>
public static class InvoiceMoney
{
    /// <summary>One line per kind of money the invoice has; none when it could go to the recycle bin.</summary>
    public static async Task<List<string>> BlockersAsync(StudioDbContext db, long invoiceId, CancellationToken ct)
    {
        var blockers = new List<string>();
        if (await db.Invoices.IgnoreQueryFilters().AnyAsync(i => i.Id == invoiceId && i.Type == InvoiceType.CreditMemo, ct))
            blockers.Add("it is a credit memo, whose credit is in its invoice's balance");
        var payments = await db.Payments.CountAsync(p => p.InvoiceId == invoiceId, ct);
        if (payments > 0)
            blockers.Add($"{payments} payment(s) or refund(s)");
        var memos = await db.Invoices.Where(c => c.CreditsInvoiceId == invoiceId).Select(c => c.Number).ToListAsync(ct);
        if (memos.Count > 0)
            blockers.Add($"credit memo(s) {string.Join(", ", memos)}");
        return blockers;
    }
}

using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Sales.Payments;
using StudioApi.Platform.Currencies;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.Invoices;

/// <summary>
/// What an invoice has been paid and what it still owes, always derived: <see cref="Invoice.Paid"/> is the sum of its
/// live payments (less what each kept as client credit) less its live refunds, <see cref="Invoice.Credited"/> the sum of
/// its live credit memos, <see cref="Invoice.Balance"/> total − credited − paid. They are stored only so lists, balances
/// and aging can be read from indexes, and only ever written here, from those sums, in the transaction that records the
/// payment, refund, void or credit memo, after taking the invoice's row (<see cref="HoldAsync"/>): every writer of an
/// invoice's money meets on that row (SQLite: the write lock; SQL Server: the row lock), so the sums are read with
/// nothing moving under them and cannot drift from the payments.
/// </summary>
public static class InvoiceBalances
{
    /// <summary>
    /// Takes the invoice's row until the transaction ends, with an update that changes nothing (no new version), whatever
    /// its state; false when there is no such invoice. Call it first in the transaction, before reading the money.
    /// </summary>
    public static async Task<bool> HoldAsync(StudioDbContext db, long invoiceId, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("An invoice's row is only held inside a transaction.");
        return await db.Invoices.IgnoreQueryFilters().Where(i => i.Id == invoiceId)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.Version, i => i.Version), ct) == 1;
    }

    /// <summary>Sets the tracked invoice's paid, credited and balance from its payments and credit memos as they are now.</summary>
    public static async Task RecomputeAsync(StudioDbContext db, Invoice invoice, CancellationToken ct)
    {
        var payments = await db.Payments.Where(p => p.InvoiceId == invoice.Id && p.VoidedAt == null)
            .Select(p => new { p.Kind, p.Amount, p.ToClientCredit }).ToListAsync(ct);
        var credits = await db.Invoices.Where(c => c.CreditsInvoiceId == invoice.Id && c.VoidedAt == null)
            .Select(c => c.Total).ToListAsync(ct);
        var paid = Money.Sum(payments.Select(p => p.Kind == PaymentKind.Payment ? p.Amount - p.ToClientCredit : -p.Amount));
        Apply(invoice, paid, Money.Sum(credits));
    }

    /// <summary>The derived fields from a paid and a credited amount: the one place the balance rule is written.</summary>
    public static void Apply(Invoice invoice, Money paid, Money credited)
    {
        invoice.Receivable = Invoice.IsReceivableType(invoice.Type) && !invoice.IsVoid;
        invoice.Paid = paid;
        invoice.Credited = credited;
        invoice.Covered = paid + credited;
        invoice.Balance = invoice.Receivable ? invoice.Total - credited - paid : Money.Zero;
        invoice.BalanceDue = invoice.Balance > Money.Zero;
    }
}

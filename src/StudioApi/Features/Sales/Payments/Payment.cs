using StudioApi.Platform.Currencies;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.Payments;

/// <summary>
/// Money received for an invoice, or given back (a refund of one payment). Never edited and never deleted: a payment
/// entered by mistake is voided (by the front desk), which keeps it on record but out of every sum. The invoice's paid
/// amount and balance are the sums of its live payments (<see cref="Invoices.InvoiceBalances"/>).
/// </summary>
public sealed class Payment : AuditedRecord
{
    public long InvoiceId { get; set; }
    /// <summary>The invoice's client, copied: client balances and credit read it.</summary>
    public long ClientId { get; set; }
    public PaymentKind Kind { get; set; }
    /// <summary>Above 0: what was received, or for a refund what was given back.</summary>
    public Money Amount { get; set; }
    /// <summary>A payment's excess over the balance, kept as the client's credit at the client's wish (part of <see cref="Amount"/>).</summary>
    public Money ToClientCredit { get; set; }
    /// <summary>A payment out of the client's credit (no money changed hands); a refund of one goes back to that credit.</summary>
    public bool FromClientCredit { get; set; }
    /// <summary>A <see cref="PaymentMethods.PaymentMethod"/>; null for a payment out of client credit.</summary>
    public long? MethodId { get; set; }
    /// <summary>The day the money was received or given back, in the studio's time zone.</summary>
    public DateOnly Date { get; set; }
    /// <summary>A check number, a card authorization, a gift certificate's number.</summary>
    public string? Reference { get; set; }
    /// <summary>A refund's payment.</summary>
    public long? RefundOfPaymentId { get; set; }

    public DateTime? VoidedAt { get; set; }
    public string? VoidedBy { get; set; }
    public string? VoidReason { get; set; }

    /// <summary>What the payment puts toward its invoice: its amount less what was kept as client credit.</summary>
    public Money Applied => Amount - ToClientCredit;
}

public enum PaymentKind
{
    Payment,
    Refund,
}

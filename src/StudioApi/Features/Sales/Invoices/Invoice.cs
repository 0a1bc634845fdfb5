using StudioApi.Features.Sales.PriceListItems;
using StudioApi.Platform.Currencies;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Workflow;

namespace StudioApi.Features.Sales.Invoices;

/// <summary>
/// A sale to a client, optionally for one of its sessions (seed: the invoice record and the Invoices tabs of clients and
/// sessions). Its lines are copies of what was sold as it was sold (code, description, unit price, tax), so editing
/// the price list never changes an invoice. The server computes every amount (<see cref="InvoiceArithmetic"/>); what
/// was paid and what is left are derived from the payments and credit memos (<see cref="InvoiceBalances"/>), never
/// written by a caller.
/// </summary>
public sealed class Invoice : AuditedRecord, INumbered, IHasWorkflowStage
{
    /// <summary>Unique for ever: assigned as the highest so far (recycle bin included) + 1, never changed or reused.</summary>
    public int Number { get; set; }
    public long ClientId { get; set; }
    public long? SessionId { get; set; }
    public InvoiceType Type { get; set; }
    /// <summary>The invoice date, in the studio's time zone: the day of the sale (ages the balance, dates coupons).</summary>
    public DateOnly Date { get; set; }
    /// <summary>The price list its lines were sold from.</summary>
    public long PriceListId { get; set; }
    public long? ShippingMethodId { get; set; }

    /// <summary>Copied from the tax settings when the invoice was made: later changes of the settings do not change it.</summary>
    public bool TaxIncludedInPrices { get; set; }
    public List<InvoiceLine> Lines { get; set; } = [];
    /// <summary>The tax rates that applied, each with what it came to.</summary>
    public List<InvoiceTax> Taxes { get; set; } = [];
    /// <summary>The coupons used, each with what it took off.</summary>
    public List<InvoicePromotion> Promotions { get; set; } = [];
    /// <summary>The payment plan: a deposit and instalments with due dates, adding up to the total; none without a plan.</summary>
    public List<InvoiceInstalment> Instalments { get; set; } = [];

    public Money Subtotal { get; set; }
    public Money DiscountTotal { get; set; }
    public Money TaxTotal { get; set; }
    public Money Total { get; set; }

    /// <summary>Payments less refunds (the part of each payment kept as client credit left out). Derived: see <see cref="InvoiceBalances"/>.</summary>
    public Money Paid { get; set; }
    /// <summary>What live credit memos against it credit. Derived.</summary>
    public Money Credited { get; set; }
    /// <summary>Total − credited − paid for a receivable invoice (negative: the studio owes the client), 0 otherwise. Derived.</summary>
    public Money Balance { get; set; }
    /// <summary>Paid + credited: covers the payment plan's instalments in due order. Derived; the overdue instalments read it.</summary>
    public Money Covered { get; set; }
    /// <summary>The client owes on it: a receivable invoice with a balance above 0. Derived; the list's balanceDue filter reads it.</summary>
    public bool BalanceDue { get; set; }
    /// <summary>
    /// It is owed: a session fee, initial order or reorder that is not void. Estimates are quotes and credit memos
    /// credit another invoice; neither is owed. Kept with the type and void, for the indexes of balances and aging.
    /// </summary>
    public bool Receivable { get; set; }

    /// <summary>A credit memo's invoice (the one it credits).</summary>
    public long? CreditsInvoiceId { get; set; }
    /// <summary>The order an estimate was converted to (once).</summary>
    public long? ConvertedToInvoiceId { get; set; }
    /// <summary>The estimate an order was converted from.</summary>
    public long? ConvertedFromEstimateId { get; set; }

    public DateTime? VoidedAt { get; set; }
    public string? VoidedBy { get; set; }
    public string? VoidReason { get; set; }

    public long? StatusId { get; set; }
    public StatusDefinition? Status { get; set; }
    public DateTime? StatusChangedAt { get; set; }
    public DateOnly? StatusDate { get; set; }
    public DateOnly? StatusDueDate { get; set; }
    public long? WorkflowTypeId => null;

    public bool IsVoid => VoidedAt is not null;

    public static bool IsReceivableType(InvoiceType type) => type is InvoiceType.SessionFee or InvoiceType.InitialOrder or InvoiceType.Reorder;
}

/// <summary>
/// What an invoice is (seed: "These cannot be changed"): the first invoice of a session is its session fee, the next its
/// initial order, the ones after reorders; an estimate is a quote that converts to an order; a credit memo credits an invoice.
/// </summary>
public enum InvoiceType
{
    SessionFee,
    InitialOrder,
    Reorder,
    CreditMemo,
    Estimate,
}

/// <summary>One line of an invoice: what was sold, as it was sold, and what it came to.</summary>
public sealed class InvoiceLine
{
    public long Id { get; set; }
    /// <summary>Place on the invoice (0 first).</summary>
    public int Position { get; set; }
    /// <summary>The price list item sold; null for a credit memo's credit of an amount.</summary>
    public long? ItemId { get; set; }
    /// <summary>The item's group when sold: promotions that apply to groups match it.</summary>
    public long? GroupId { get; set; }
    public string Code { get; set; } = "";
    public string Description { get; set; } = "";
    public PriceListItemType ItemType { get; set; }
    /// <summary>How production orders will group it (prints, frames…).</summary>
    public long? ProductionTypeId { get; set; }
    public int Quantity { get; set; }
    /// <summary>The item's price on the day it was sold.</summary>
    public Money UnitPrice { get; set; }
    /// <summary>Tax applied to the line when it was sold.</summary>
    public bool Taxed { get; set; }
    /// <summary>The discount asked on the line itself (promotions come on top).</summary>
    public Rate? DiscountPercent { get; set; }
    public Money? DiscountAmount { get; set; }

    public Money Gross { get; set; }
    /// <summary>The line's own discount and its share of the promotions, rounded (see <see cref="InvoiceArithmetic"/>).</summary>
    public Money Discount { get; set; }
    public Money Net { get; set; }
    public Money Tax { get; set; }
    public Money Total { get; set; }

    /// <summary>The image a print is made from, with the crop and rotation it was sold with.</summary>
    public long? ImageId { get; set; }
    public int? Rotation { get; set; }
    public double? CropX { get; set; }
    public double? CropY { get; set; }
    public double? CropWidth { get; set; }
    public double? CropHeight { get; set; }
    public string? CropAspectRatio { get; set; }
    /// <summary>A package's poses: the images the client chose for it.</summary>
    public List<InvoiceLinePose> Poses { get; set; } = [];

    /// <summary>A credit memo's line: the line of the credited invoice it credits.</summary>
    public long? CreditsLineId { get; set; }
}

/// <summary>One image chosen for a package line.</summary>
public sealed class InvoiceLinePose
{
    public int Position { get; set; }
    public long ImageId { get; set; }
}

/// <summary>One tax rate on an invoice and what it came to.</summary>
public sealed class InvoiceTax
{
    public int Position { get; set; }
    public string Name { get; set; } = "";
    public Rate RatePercent { get; set; }
    public Money Amount { get; set; }
}

/// <summary>A coupon used on an invoice: the promotional item, as it read when used, and what it took off.</summary>
public sealed class InvoicePromotion
{
    public int Position { get; set; }
    public long PromotionItemId { get; set; }
    public string CouponCode { get; set; } = "";
    public string Description { get; set; } = "";
    public Money Discount { get; set; }
}

public enum InstalmentKind
{
    /// <summary>Paid first, at booking.</summary>
    Deposit,
    Instalment,
}

/// <summary>
/// One amount of a payment plan and when it is due. Paid, open or past due is derived: what has been paid and credited
/// covers the instalments in due order (<see cref="CoveredBy"/>).
/// </summary>
public sealed class InvoiceInstalment
{
    public long Id { get; set; }
    public int Position { get; set; }
    public InstalmentKind Kind { get; set; }
    public DateOnly DueDate { get; set; }
    public Money Amount { get; set; }
    /// <summary>This amount and all before it: the instalment is paid once payments and credits reach it.</summary>
    public Money Cumulative { get; set; }

    /// <summary>How much of this instalment <paramref name="covered"/> (paid + credited) pays.</summary>
    public Money CoveredBy(Money covered)
    {
        var before = Cumulative - Amount;
        var toward = covered - before;
        return toward <= Money.Zero ? Money.Zero : toward >= Amount ? Amount : toward;
    }
}

public enum InstalmentState
{
    Paid,
    Open,
    PastDue,
}

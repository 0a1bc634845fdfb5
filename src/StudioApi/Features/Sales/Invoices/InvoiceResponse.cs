using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Clients;
using StudioApi.Features.Clients.Clients;
using StudioApi.Features.Imaging.Images.Proofing;
using StudioApi.Features.Sales.PriceListItems;
using StudioApi.Platform.Currencies;
using StudioApi.Platform.Http;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Workflow;

namespace StudioApi.Features.Sales.Invoices;

public sealed class InvoiceResponse : RecordResponse
{
    public required int Number { get; init; }
    public required long ClientId { get; init; }
    /// <summary>How the client is called ("First Last", or the company).</summary>
    [MaxLength(300)]
    public required string ClientName { get; init; }
    public long? SessionId { get; init; }
    public required InvoiceType Type { get; init; }
    public required DateOnly Date { get; init; }
    public required long PriceListId { get; init; }
    public long? ShippingMethodId { get; init; }
    /// <summary>Prices include tax (taken out of them) or tax is added on top, as the tax settings said when the invoice was made.</summary>
    public required bool TaxIncludedInPrices { get; init; }
    [MaxLength(InvoiceLimits.MaxLines + 1)]
    public required IReadOnlyList<InvoiceLineResponse> Lines { get; init; }
    [MaxLength(TaxSettings.SalesTaxSettings.MaxRates)]
    public required IReadOnlyList<InvoiceTaxResponse> Taxes { get; init; }
    [MaxLength(InvoiceLimits.MaxCoupons)]
    public required IReadOnlyList<InvoiceCouponResponse> Coupons { get; init; }
    /// <summary>The lines' gross amounts (price × quantity).</summary>
    public required Money Subtotal { get; init; }
    public required Money DiscountTotal { get; init; }
    public required Money TaxTotal { get; init; }
    public required Money Total { get; init; }
    /// <summary>Payments less refunds.</summary>
    public required Money Paid { get; init; }
    /// <summary>What credit memos against it credit.</summary>
    public required Money Credited { get; init; }
    /// <summary>Total − credited − paid; 0 for estimates, credit memos and void invoices. Below 0: the studio owes the client.</summary>
    public required Money Balance { get; init; }
    /// <summary>The payment plan, in due order; empty without one.</summary>
    [MaxLength(InvoiceLimits.MaxInstalments)]
    public required IReadOnlyList<InstalmentResponse> PaymentPlan { get; init; }
    /// <summary>A credit memo's invoice.</summary>
    public long? CreditsInvoiceId { get; init; }
    /// <summary>The order an estimate became.</summary>
    public long? ConvertedToInvoiceId { get; init; }
    /// <summary>The estimate an order came from.</summary>
    public long? ConvertedFromEstimateId { get; init; }
    public DateTimeOffset? VoidedAt { get; init; }
    [MaxLength(100)]
    public string? VoidedBy { get; init; }
    [MaxLength(InvoiceLimits.ReasonLength)]
    public string? VoidReason { get; init; }
    /// <summary>Where the invoice is in the invoice workflow; null while the studio has no invoice statuses.</summary>
    public RecordStatusResponse? Status { get; init; }

    /// <param name="i">The invoice, with its <see cref="Invoice.Status"/> loaded.</param>
    /// <param name="clientName">The client's display name.</param>
    /// <param name="today">Today in the studio's time zone (overdue statuses, past-due instalments).</param>
    public static InvoiceResponse From(Invoice i, string clientName, DateOnly today) => new InvoiceResponse
    {
        Number = i.Number,
        ClientId = i.ClientId,
        ClientName = clientName,
        SessionId = i.SessionId,
        Type = i.Type,
        Date = i.Date,
        PriceListId = i.PriceListId,
        ShippingMethodId = i.ShippingMethodId,
        TaxIncludedInPrices = i.TaxIncludedInPrices,
        Lines = i.Lines.OrderBy(l => l.Position).Select(InvoiceLineResponse.From).ToList(),
        Taxes = i.Taxes.OrderBy(t => t.Position).Select(t => new InvoiceTaxResponse { Name = t.Name, RatePercent = t.RatePercent, Amount = t.Amount }).ToList(),
        Coupons = i.Promotions.OrderBy(p => p.Position).Select(p => new InvoiceCouponResponse
            { PromotionItemId = p.PromotionItemId, CouponCode = p.CouponCode, Description = p.Description, Discount = p.Discount }).ToList(),
        Subtotal = i.Subtotal,
        DiscountTotal = i.DiscountTotal,
        TaxTotal = i.TaxTotal,
        Total = i.Total,
        Paid = i.Paid,
        Credited = i.Credited,
        Balance = i.Balance,
        PaymentPlan = InstalmentResponse.Of(i, today),
        CreditsInvoiceId = i.CreditsInvoiceId,
        ConvertedToInvoiceId = i.ConvertedToInvoiceId,
        ConvertedFromEstimateId = i.ConvertedFromEstimateId,
        VoidedAt = i.VoidedAt,
        VoidedBy = i.VoidedBy,
        VoidReason = i.VoidReason,
        Status = RecordStatusResponse.From(i, i.Status, today),
    }.WithAudit(i);

    /// <summary>The response of one invoice as read now (status and client name loaded).</summary>
    public static async Task<InvoiceResponse> OneAsync(StudioDbContext db, Invoice invoice, DateOnly today, CancellationToken ct)
    {
        if (invoice.StatusId is not null && invoice.Status is null)
            invoice.Status = await db.StatusDefinitions.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(s => s.Id == invoice.StatusId, ct);
        var names = await ClientNamesAsync(db, [invoice.ClientId], ct);
        return From(invoice, names.GetValueOrDefault(invoice.ClientId, ""), today);
    }

    /// <summary>The display names of clients (recycle bin included: an invoice still names its client).</summary>
    public static async Task<Dictionary<long, string>> ClientNamesAsync(StudioDbContext db, IEnumerable<long> clientIds, CancellationToken ct)
    {
        var ids = clientIds.Distinct().ToList();
        var clients = await db.Clients.IgnoreQueryFilters().AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new Client { Id = c.Id, Kind = c.Kind, FirstName = c.FirstName, LastName = c.LastName, Company = c.Company })
            .ToListAsync(ct);
        return clients.ToDictionary(c => c.Id, ClientResponse.DisplayNameOf);
    }
}

public sealed class InvoiceLineResponse
{
    /// <summary>Send it back on an update to keep the line as sold (its price, description and tax).</summary>
    public required long Id { get; init; }
    public required int Position { get; init; }
    /// <summary>The price list item sold; null for a shipping method's charge or a credit memo's credit of an amount.</summary>
    public long? ItemId { get; init; }
    [MaxLength(InvoiceLimits.CodeLength)]
    public required string Code { get; init; }
    [MaxLength(InvoiceLimits.DescriptionLength)]
    public required string Description { get; init; }
    public required PriceListItemType ItemType { get; init; }
    public long? ProductionTypeId { get; init; }
    public required int Quantity { get; init; }
    /// <summary>The price when sold.</summary>
    public required Money UnitPrice { get; init; }
    /// <summary>Tax applies to the line.</summary>
    public required bool Taxed { get; init; }
    public Rate? DiscountPercent { get; init; }
    public Money? DiscountAmount { get; init; }
    /// <summary>Unit price × quantity.</summary>
    public required Money Gross { get; init; }
    /// <summary>The line's discount and its share of the coupons.</summary>
    public required Money Discount { get; init; }
    /// <summary>Gross − discount.</summary>
    public required Money Net { get; init; }
    public required Money Tax { get; init; }
    /// <summary>Net, plus tax when tax is added on top.</summary>
    public required Money Total { get; init; }
    public long? ImageId { get; init; }
    /// <summary>The image's proofing rotation when sold (clockwise degrees), which the crop refers to.</summary>
    public int? Rotation { get; init; }
    public ImageCrop? Crop { get; init; }
    /// <summary>A package's chosen images.</summary>
    [MaxLength(ItemLimits.MaxPoses)]
    public required IReadOnlyList<long> Poses { get; init; }
    /// <summary>A credit memo's line: the credited invoice's line.</summary>
    public long? CreditsLineId { get; init; }

    public static InvoiceLineResponse From(InvoiceLine l) => new()
    {
        Id = l.Id,
        Position = l.Position,
        ItemId = l.ItemId,
        Code = l.Code,
        Description = l.Description,
        ItemType = l.ItemType,
        ProductionTypeId = l.ProductionTypeId,
        Quantity = l.Quantity,
        UnitPrice = l.UnitPrice,
        Taxed = l.Taxed,
        DiscountPercent = l.DiscountPercent,
        DiscountAmount = l.DiscountAmount,
        Gross = l.Gross,
        Discount = l.Discount,
        Net = l.Net,
        Tax = l.Tax,
        Total = l.Total,
        ImageId = l.ImageId,
        Rotation = l.Rotation,
        Crop = l is { CropX: { } x, CropY: { } y, CropWidth: { } w, CropHeight: { } h }
            ? new ImageCrop { X = x, Y = y, Width = w, Height = h, AspectRatio = l.CropAspectRatio }
            : null,
        Poses = l.Poses.OrderBy(p => p.Position).Select(p => p.ImageId).ToList(),
        CreditsLineId = l.CreditsLineId,
    };
}

public sealed class InvoiceTaxResponse
{
    [MaxLength(60)]
    public required string Name { get; init; }
    public required Rate RatePercent { get; init; }
    /// <summary>This rate's tax on the invoice, rounded once.</summary>
    public required Money Amount { get; init; }
}

public sealed class InvoiceCouponResponse
{
    public required long PromotionItemId { get; init; }
    [MaxLength(ItemLimits.CouponCodeLength)]
    public required string CouponCode { get; init; }
    [MaxLength(InvoiceLimits.DescriptionLength)]
    public required string Description { get; init; }
    /// <summary>What the coupon took off, rounded once (the lines' discounts are what the totals add).</summary>
    public required Money Discount { get; init; }
}

public sealed class InstalmentResponse
{
    public required long Id { get; init; }
    public required InstalmentKind Kind { get; init; }
    public required DateOnly DueDate { get; init; }
    public required Money Amount { get; init; }
    /// <summary>How much of it payments and credits have covered, in due order.</summary>
    public required Money AmountPaid { get; init; }
    /// <summary>paid, open, or pastDue (open after its due date).</summary>
    public required InstalmentState State { get; init; }

    /// <summary>What is due now and when: the open part of the payment plan's next unpaid amount, else the balance (on the invoice date).</summary>
    public static (Money Amount, DateOnly DueDate) DueNow(Invoice invoice, DateOnly today) =>
        Of(invoice, today).FirstOrDefault(x => x.State != InstalmentState.Paid) is { } next
            ? (next.Amount - next.AmountPaid, next.DueDate)
            : (invoice.Balance, invoice.Date);

    public static List<InstalmentResponse> Of(Invoice invoice, DateOnly today)
    {
        var covered = invoice.Paid + invoice.Credited;
        return invoice.Instalments.OrderBy(x => x.Position).Select(x =>
        {
            var paid = x.CoveredBy(covered);
            return new InstalmentResponse
            {
                Id = x.Id,
                Kind = x.Kind,
                DueDate = x.DueDate,
                Amount = x.Amount,
                AmountPaid = paid,
                State = paid == x.Amount ? InstalmentState.Paid : x.DueDate < today ? InstalmentState.PastDue : InstalmentState.Open,
            };
        }).ToList();
    }
}

/// <summary>An invoice as lists, and the Invoices tabs of clients and sessions, show it: number, date, type, total, paid, balance.</summary>
public sealed class InvoiceSummaryResponse
{
    public required long Id { get; init; }
    public required int Version { get; init; }
    public required int Number { get; init; }
    public required long ClientId { get; init; }
    [MaxLength(300)]
    public required string ClientName { get; init; }
    public long? SessionId { get; init; }
    public required InvoiceType Type { get; init; }
    public required DateOnly Date { get; init; }
    public required Money Total { get; init; }
    public required Money Paid { get; init; }
    public required Money Balance { get; init; }
    public required bool Voided { get; init; }
    public long? StatusId { get; init; }
    public DateTimeOffset? DeletedAt { get; init; }
}

/// <summary>The columns a summary is read from (no lines), so a page of the list reads one table.</summary>
public sealed class InvoiceRow : IHasId
{
    public long Id { get; set; }
    public int Version { get; set; }
    public int Number { get; set; }
    public long ClientId { get; set; }
    public long? SessionId { get; set; }
    public InvoiceType Type { get; set; }
    public DateOnly Date { get; set; }
    public Money Total { get; set; }
    public Money Paid { get; set; }
    public Money Balance { get; set; }
    public bool BalanceDue { get; set; }
    public DateTime? VoidedAt { get; set; }
    public long? StatusId { get; set; }
    public DateTime? DeletedAt { get; set; }

    public static readonly System.Linq.Expressions.Expression<Func<Invoice, InvoiceRow>> Of = i => new InvoiceRow
    {
        Id = i.Id, Version = i.Version, Number = i.Number, ClientId = i.ClientId, SessionId = i.SessionId, Type = i.Type, Date = i.Date,
        Total = i.Total, Paid = i.Paid, Balance = i.Balance, BalanceDue = i.BalanceDue, VoidedAt = i.VoidedAt, StatusId = i.StatusId, DeletedAt = i.DeletedAt,
    };

    public InvoiceSummaryResponse ToResponse(IReadOnlyDictionary<long, string> clientNames) => new()
    {
        Id = Id, Version = Version, Number = Number, ClientId = ClientId, ClientName = clientNames.GetValueOrDefault(ClientId, ""), SessionId = SessionId,
        Type = Type, Date = Date, Total = Total, Paid = Paid, Balance = Balance, Voided = VoidedAt is not null, StatusId = StatusId, DeletedAt = DeletedAt,
    };

    /// <summary>A page of rows as summaries, with their clients' names read in one query.</summary>
    public static async Task<Platform.Http.Paging.Page<InvoiceSummaryResponse>> SummariesAsync(StudioDbContext db, Platform.Http.Paging.Page<InvoiceRow> page, CancellationToken ct)
    {
        var names = await InvoiceResponse.ClientNamesAsync(db, page.Items.Select(r => r.ClientId), ct);
        return new Platform.Http.Paging.Page<InvoiceSummaryResponse> { Items = page.Items.Select(r => r.ToResponse(names)).ToList(), NextCursor = page.NextCursor };
    }
}

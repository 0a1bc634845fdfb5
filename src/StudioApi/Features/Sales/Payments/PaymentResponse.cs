using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Sales.Invoices;
using StudioApi.Platform.Currencies;
using StudioApi.Platform.Http;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.Payments;

public static class PaymentLimits
{
    public const int ReferenceLength = 100;
}

public sealed class PaymentResponse : RecordResponse
{
    public required long InvoiceId { get; init; }
    public required long ClientId { get; init; }
    /// <summary>payment (money received) or refund (money given back).</summary>
    public required PaymentKind Kind { get; init; }
    public required Money Amount { get; init; }
    /// <summary>The part of a payment kept as the client's credit (the excess over the balance).</summary>
    public required Money ToClientCredit { get; init; }
    /// <summary>Paid out of the client's credit (a refund of it goes back to the credit).</summary>
    public required bool FromClientCredit { get; init; }
    public long? MethodId { get; init; }
    public required DateOnly Date { get; init; }
    [MaxLength(PaymentLimits.ReferenceLength)]
    public string? Reference { get; init; }
    /// <summary>A refund's payment.</summary>
    public long? RefundOfPaymentId { get; init; }
    /// <summary>The card payment provider that took or gave back the money ("stripe"); null at the studio.</summary>
    [MaxLength(20)]
    public string? Provider { get; init; }
    /// <summary>The provider's id of it (a payment intent, a refund).</summary>
    [MaxLength(100)]
    public string? ProviderReference { get; init; }
    /// <summary>A payment's live refunds so far.</summary>
    public required Money Refunded { get; init; }
    public DateTimeOffset? VoidedAt { get; init; }
    [MaxLength(100)]
    public string? VoidedBy { get; init; }
    [MaxLength(InvoiceLimits.ReasonLength)]
    public string? VoidReason { get; init; }
    /// <summary>The invoice's paid amount after this payment, refund or void.</summary>
    public required Money InvoicePaid { get; init; }
    /// <summary>The invoice's balance after it.</summary>
    public required Money InvoiceBalance { get; init; }

    public static PaymentResponse From(Payment p, Money refunded, Invoice invoice) => new PaymentResponse
    {
        InvoiceId = p.InvoiceId,
        ClientId = p.ClientId,
        Kind = p.Kind,
        Amount = p.Amount,
        ToClientCredit = p.ToClientCredit,
        FromClientCredit = p.FromClientCredit,
        MethodId = p.MethodId,
        Date = p.Date,
        Reference = p.Reference,
        RefundOfPaymentId = p.RefundOfPaymentId,
        Provider = p.Provider,
        ProviderReference = p.ProviderReference,
        Refunded = refunded,
        VoidedAt = p.VoidedAt,
        VoidedBy = p.VoidedBy,
        VoidReason = p.VoidReason,
        InvoicePaid = invoice.Paid,
        InvoiceBalance = invoice.Balance,
    }.WithAudit(p);

    /// <summary>The live refunds of each of these payments.</summary>
    public static async Task<Dictionary<long, Money>> RefundedAsync(StudioDbContext db, IEnumerable<long> paymentIds, CancellationToken ct)
    {
        var ids = paymentIds.Distinct().ToList();
        var refunds = await db.Payments.AsNoTracking().Where(r => r.RefundOfPaymentId != null && ids.Contains(r.RefundOfPaymentId.Value) && r.VoidedAt == null)
            .Select(r => new { r.RefundOfPaymentId, r.Amount }).ToListAsync(ct);
        return refunds.GroupBy(r => r.RefundOfPaymentId!.Value).ToDictionary(g => g.Key, g => Money.Sum(g.Select(r => r.Amount)));
    }

    public static async Task<PaymentResponse> OneAsync(StudioDbContext db, Payment payment, CancellationToken ct)
    {
        var refunded = await RefundedAsync(db, [payment.Id], ct);
        var invoice = await db.Invoices.IgnoreQueryFilters().AsNoTracking().SingleAsync(i => i.Id == payment.InvoiceId, ct);
        return From(payment, refunded.GetValueOrDefault(payment.Id), invoice);
    }
}

/// <summary>A client's credit: overpayments kept as credit, less what was paid out of it, plus refunds of those back to it.</summary>
public static class ClientCredit
{
    public static async Task<Money> AvailableAsync(StudioDbContext db, long clientId, CancellationToken ct)
    {
        var rows = await db.Payments.AsNoTracking().Where(p => p.ClientId == clientId && p.VoidedAt == null && (p.ToClientCredit != Money.Zero || p.FromClientCredit))
            .Select(p => new { p.Kind, p.Amount, p.ToClientCredit, p.FromClientCredit }).ToListAsync(ct);
        return Money.Sum(rows.Select(p => p.ToClientCredit
                                          - (p.FromClientCredit && p.Kind == PaymentKind.Payment ? p.Amount : Money.Zero)
                                          + (p.FromClientCredit && p.Kind == PaymentKind.Refund ? p.Amount : Money.Zero)));
    }

    /// <summary>Takes the client's row until the transaction ends, so two uses of one credit cannot both spend it.</summary>
    public static Task HoldAsync(StudioDbContext db, long clientId, CancellationToken ct) =>
        db.Set<Clients.Clients.Client>().IgnoreQueryFilters().Where(c => c.Id == clientId)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.Version, c => c.Version), ct);
}

/// <summary>Who may see a payment: whoever may see its invoice.</summary>
public static class PaymentAccess
{
    public static IQueryable<Payment> Visible(this IQueryable<Payment> payments, StudioDbContext db, System.Security.Claims.ClaimsPrincipal user)
    {
        if (InvoiceAccess.SeesAll(user))
            return payments;
        var invoices = db.Invoices.Visible(db, user);
        return payments.Where(p => invoices.Any(i => i.Id == p.InvoiceId));
    }

    public static async Task<Payment> FindAsync(StudioDbContext db, System.Security.Claims.ClaimsPrincipal user, long id, CancellationToken ct) =>
        await db.Payments.Visible(db, user).SingleOrDefaultAsync(p => p.Id == id, ct)
        ?? throw Platform.Http.Problems.ApiProblem.NotFound("payment", id);

    /// <summary>
    /// The payment, after taking its invoice's row (<see cref="InvoiceBalances.HoldAsync"/>), so its refunds and voids run
    /// one after the other: call it first in the transaction.
    /// </summary>
    public static async Task<Payment> FindHeldAsync(StudioDbContext db, System.Security.Claims.ClaimsPrincipal user, long id, CancellationToken ct)
    {
        var invoiceId = await db.Payments.Where(p => p.Id == id).Select(p => (long?)p.InvoiceId).SingleOrDefaultAsync(ct)
                        ?? throw Platform.Http.Problems.ApiProblem.NotFound("payment", id);
        await InvoiceBalances.HoldAsync(db, invoiceId, ct);
        return await FindAsync(db, user, id, ct);
    }
}

using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Sales.Invoices;
using StudioApi.Platform.Currencies;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Paging;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.Payments.List;

public sealed class ListPaymentsRequest : ListRequest
{
    public long? InvoiceId { get; set; }
    public long? ClientId { get; set; }
    public PaymentKind? Kind { get; set; }
    public long? MethodId { get; set; }
    /// <summary>Received or given back on or after this day.</summary>
    public DateOnly? DateFrom { get; set; }
    /// <summary>On or before this day.</summary>
    public DateOnly? DateTo { get; set; }
    /// <summary>true: only void ones; false: only the others.</summary>
    public bool? Voided { get; set; }
}

public sealed class ListPaymentsValidator : ListRequestValidator<ListPaymentsRequest, Payment>
{
    public ListPaymentsValidator() : base(ListPaymentsEndpoint.SortKeys)
    {
        RuleFor(r => r.Kind).IsInEnum();
        RuleFor(r => r.DateTo).GreaterThanOrEqualTo(r => r.DateFrom).When(r => r.DateFrom is not null && r.DateTo is not null)
            .WithMessage("dateTo must not be before dateFrom.");
    }
}

public sealed class ListPaymentsEndpoint(StudioDbContext db) : Endpoint<ListPaymentsRequest, Page<PaymentResponse>>
{
    internal static readonly SortKeys<Payment> SortKeys = new SortKeys<Payment>("date")
        .Add("date", p => p.Date);

    public override void Configure()
    {
        Get("/payments");
        Roles(InvoiceAccess.Sellers);
        Description(d => d.Operation("Payments", "List", "List payments and refunds",
            "By invoice, client, kind, method, date range and void; oldest first by default (-date for newest)."));
    }

    public override async Task HandleAsync(ListPaymentsRequest req, CancellationToken ct)
    {
        var payments = db.Payments.AsNoTracking().Visible(db, User);
        if (req.InvoiceId is { } invoiceId)
            payments = payments.Where(p => p.InvoiceId == invoiceId);
        if (req.ClientId is { } clientId)
            payments = payments.Where(p => p.ClientId == clientId);
        if (req.Kind is { } kind)
            payments = payments.Where(p => p.Kind == kind);
        if (req.MethodId is { } methodId)
            payments = payments.Where(p => p.MethodId == methodId);
        if (req.DateFrom is { } from)
            payments = payments.Where(p => p.Date >= from);
        if (req.DateTo is { } to)
            payments = payments.Where(p => p.Date <= to);
        if (req.Voided is { } voided)
            payments = voided ? payments.Where(p => p.VoidedAt != null) : payments.Where(p => p.VoidedAt == null);

        var page = await payments.ToPageAsync(req, SortKeys, p => p, ct);
        var refunded = await PaymentResponse.RefundedAsync(db, page.Items.Select(p => p.Id), ct);
        var invoiceIds = page.Items.Select(p => p.InvoiceId).Distinct().ToList();
        var invoices = await db.Invoices.IgnoreQueryFilters().AsNoTracking().Where(i => invoiceIds.Contains(i.Id))
            .Select(i => new Invoice { Id = i.Id, Paid = i.Paid, Balance = i.Balance }).ToDictionaryAsync(i => i.Id, ct);
        await Send.OkAsync(new Page<PaymentResponse>
        {
            Items = page.Items.Select(p => PaymentResponse.From(p, refunded.GetValueOrDefault(p.Id), invoices[p.InvoiceId])).ToList(),
            NextCursor = page.NextCursor,
        }, ct);
    }
}

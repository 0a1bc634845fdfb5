using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Scheduling.Sessions;
using StudioApi.Platform.Currencies;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;
using StudioApi.Platform.Workflow;

namespace StudioApi.Features.Sales.Invoices.Convert;

public sealed class ConvertEstimateRequest
{
    /// <summary>The estimate.</summary>
    public long Id { get; set; }

    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }
}

public sealed class ConvertEstimateEndpoint(StudioDbContext db, InvoicePricing pricing, StatusTransitions transitions, StudioCalendar calendar)
    : Endpoint<ConvertEstimateRequest, InvoiceResponse>
{
    public override void Configure()
    {
        Post("/invoices/{id}/convert");
        Roles(InvoiceAccess.Sellers);
        Description(d => d
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces<InvoiceResponse>(StatusCodes.Status201Created)
            .Answers(StatusCodes.Status409Conflict, "Not an estimate, void, or already converted.")
            .Operation("Invoices", "ConvertEstimate", "Convert an estimate to an order",
                "Makes the order the estimate quoted, at the quoted prices, discounts and coupons (a coupon that is once "
                + "per client or used up since is refused, 422), typed by the session's rule and dated today. An estimate "
                + "converts once (409 after). Answers the new invoice.").AcceptsIdempotencyKey());
    }

    public override async Task HandleAsync(ConvertEstimateRequest req, CancellationToken ct)
    {
        var today = await calendar.TodayAsync(ct);
        var order = await db.InTransactionAsync(async () =>
        {
            // The session's row first, as every sale of the session takes it (its type rule, its delete).
            if (await db.Invoices.Visible(db, User).Where(i => i.Id == req.Id).Select(i => i.SessionId).FirstOrDefaultAsync(ct) is { } sessionId)
                await SessionRows.HoldLiveOrNotFoundAsync(db, sessionId, ct);
            await InvoiceBalances.HoldAsync(db, req.Id, ct);
            var estimate = await InvoiceAccess.FindAsync(db, User, req.Id, ct);
            if (estimate.Type != InvoiceType.Estimate || estimate.IsVoid || estimate.ConvertedToInvoiceId is not null)
                throw ApiProblem.Conflict(estimate.Type != InvoiceType.Estimate ? $"Invoice {estimate.Number} is not an estimate."
                    : estimate.IsVoid ? $"Estimate {estimate.Number} is void."
                    : $"Estimate {estimate.Number} was converted to invoice {estimate.ConvertedToInvoiceId} already.");

            var created = new Invoice
            {
                ClientId = estimate.ClientId,
                SessionId = estimate.SessionId,
                Type = await NewInvoices.DefaultTypeAsync(db, estimate.SessionId, ct),
                Date = today,
                PriceListId = estimate.PriceListId,
                ShippingMethodId = estimate.ShippingMethodId,
                TaxIncludedInPrices = estimate.TaxIncludedInPrices,
                Taxes = estimate.Taxes.Select(t => new InvoiceTax { Position = t.Position, Name = t.Name, RatePercent = t.RatePercent, Amount = t.Amount }).ToList(),
                Lines = estimate.Lines.OrderBy(l => l.Position).Select(l =>
                {
                    var line = InvoicePricing.CopyOf(l);
                    line.Id = 0;
                    (line.Gross, line.Discount, line.Net, line.Tax, line.Total) = (l.Gross, l.Discount, l.Net, l.Tax, l.Total);
                    return line;
                }).ToList(),
                Promotions = estimate.Promotions.Select(p => new InvoicePromotion
                    { Position = p.Position, PromotionItemId = p.PromotionItemId, CouponCode = p.CouponCode, Description = p.Description, Discount = p.Discount }).ToList(),
                Subtotal = estimate.Subtotal,
                DiscountTotal = estimate.DiscountTotal,
                TaxTotal = estimate.TaxTotal,
                Total = estimate.Total,
                ConvertedFromEstimateId = estimate.Id,
            };
            // Quoted prices and dates are honoured; a coupon's uses are counted now that it is sold.
            foreach (var used in estimate.Promotions)
                if (await db.PriceListItems.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(i => i.Id == used.PromotionItemId, ct) is { } promotion
                    && await pricing.UsedUpAsync(promotion, 0, estimate.ClientId, ct) is { } usedUp)
                    throw ApiProblem.RuleBroken(usedUp);
            InvoiceBalances.Apply(created, Money.Zero, Money.Zero);
            db.Invoices.Add(created);
            await transitions.StartAsync(RecordKind.Invoice, created, () => db.SaveNumberedAsync([created], ct), ct);

            estimate.ConvertedToInvoiceId = created.Id;
            await db.SaveChangesAsync(ct);
            return created;
        }, ct);

        HttpContext.WriteETag(order);
        await Send.CreatedAtAsync("Invoices_Get", new { id = order.Id }, await InvoiceResponse.OneAsync(db, order, today, ct), cancellation: ct);
    }
}

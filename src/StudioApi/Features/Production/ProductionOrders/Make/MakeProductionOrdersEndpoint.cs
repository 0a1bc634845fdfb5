using System.ComponentModel.DataAnnotations;
using FastEndpoints;
using StudioApi.Features.Sales.Invoices;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;

namespace StudioApi.Features.Production.ProductionOrders.Make;

public sealed class MakeProductionOrdersRequest
{
    /// <summary>The invoice.</summary>
    public long Id { get; set; }

    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }
}

public sealed class MakeProductionOrdersResponse
{
    /// <summary>The orders this call made, one per production type; empty when every production line was already ordered.</summary>
    [MaxLength(100)]
    public required IReadOnlyList<ProductionOrderResponse> Made { get; init; }
}

public sealed class MakeProductionOrdersEndpoint(StudioDbContext db, ProductionOrderMaker maker, StudioCalendar calendar)
    : Endpoint<MakeProductionOrdersRequest, MakeProductionOrdersResponse>
{
    public override void Configure()
    {
        Post("/invoices/{id}/production-orders");
        Roles(InvoiceAccess.Sellers);
        Description(d => d.Operation("ProductionOrders", "MakeForInvoice", "Make an invoice's production orders",
            "Groups the invoice's lines by production type, one order per type, each with its lines' images and crops, its type's "
            + "initial status and the default vendor of its items or type. A line already on a production order (the recycle bin "
            + "included) is never ordered again, so asking twice makes nothing new. Void invoices, estimates and credit memos are "
            + "not made (409). The kiosk (sales) makes them for the invoices it sees.")
            .Answers(StatusCodes.Status409Conflict, "The invoice is void, an estimate or a credit memo.")
            .AcceptsIdempotencyKey());
    }

    public override async Task HandleAsync(MakeProductionOrdersRequest req, CancellationToken ct)
    {
        var made = await db.InTransactionAsync(async () =>
        {
            var invoice = await InvoiceAccess.FindAsync(db, User, req.Id, ct);
            if (invoice.IsVoid || invoice.Type is InvoiceType.Estimate or InvoiceType.CreditMemo)
                throw ApiProblem.Conflict($"Invoice {invoice.Number} is {(invoice.IsVoid ? "void" : invoice.Type == InvoiceType.Estimate ? "an estimate" : "a credit memo")}: nothing of it is produced.");
            return await maker.MakeAsync(invoice.Id, ct);
        }, ct);

        var today = await calendar.TodayAsync(ct);
        var answers = new List<ProductionOrderResponse>(made.Count);
        foreach (var order in made)
            answers.Add(await ProductionOrderResponse.OneAsync(db, order, today, ct));
        await Send.OkAsync(new MakeProductionOrdersResponse { Made = answers }, ct);
    }
}

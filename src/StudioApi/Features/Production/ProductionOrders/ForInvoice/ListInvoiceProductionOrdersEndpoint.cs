using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Sales;
using StudioApi.Features.Sales.Invoices;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Paging;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Production.ProductionOrders.ForInvoice;

public sealed class ListInvoiceProductionOrdersRequest : ListRequest
{
    /// <summary>The invoice.</summary>
    public long Id { get; set; }
}

public sealed class ListInvoiceProductionOrdersValidator()
    : ListRequestValidator<ListInvoiceProductionOrdersRequest, ProductionOrderRow>(List.ListProductionOrdersEndpoint.SortKeys);

/// <summary>The invoice's Production tab: the orders made from it.</summary>
public sealed class ListInvoiceProductionOrdersEndpoint(StudioDbContext db) : Endpoint<ListInvoiceProductionOrdersRequest, Page<ProductionOrderSummaryResponse>>
{
    public override void Configure()
    {
        Get("/invoices/{id}/production-orders");
        Roles(ProductionOrderAccess.Workers);
        Description(d => d.Operation("ProductionOrders", "ListForInvoice", "List an invoice's production orders",
            "The invoice record's Production tab; newest first by default."));
    }

    public override async Task HandleAsync(ListInvoiceProductionOrdersRequest req, CancellationToken ct)
    {
        if (!await ProductionOrderAccess.InvoicesWithVisibleOrders(db, User).AnyAsync(i => i.Id == req.Id, ct))
            throw ApiProblem.NotFound("invoice", req.Id);
        var page = await db.Set<ProductionOrder>().AsNoTracking().Visible(db, User).Where(o => o.InvoiceId == req.Id)
            .Select(ProductionOrderRow.Of).ToPageAsync(req, List.ListProductionOrdersEndpoint.SortKeys, ProductionOrderRow.ToResponse, ct);
        await Send.OkAsync(page, ct);
    }
}

using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Sales.Invoices;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Paging;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Production.ProductionOrders.ForSession;

public sealed class ListSessionProductionOrdersRequest : ListRequest
{
    /// <summary>The session.</summary>
    public long Id { get; set; }
}

public sealed class ListSessionProductionOrdersValidator()
    : ListRequestValidator<ListSessionProductionOrdersRequest, ProductionOrderRow>(List.ListProductionOrdersEndpoint.SortKeys);

/// <summary>The session's Production tab: its production orders (invoice, order number and date, vendor, due date, status).</summary>
public sealed class ListSessionProductionOrdersEndpoint(StudioDbContext db) : Endpoint<ListSessionProductionOrdersRequest, Page<ProductionOrderSummaryResponse>>
{
    public override void Configure()
    {
        Get("/sessions/{id}/production-orders");
        Roles(ProductionOrderAccess.Workers);
        Description(d => d.Operation("ProductionOrders", "ListForSession", "List a session's production orders",
            "The session record's Production tab; newest first by default."));
    }

    public override async Task HandleAsync(ListSessionProductionOrdersRequest req, CancellationToken ct)
    {
        if (!await InvoiceAccess.VisibleSessions(db, User).AnyAsync(s => s.Id == req.Id, ct))
            throw ApiProblem.NotFound("session", req.Id);
        var page = await db.Set<ProductionOrder>().AsNoTracking().Visible(db, User).Where(o => o.SessionId == req.Id)
            .Select(ProductionOrderRow.Of).ToPageAsync(req, List.ListProductionOrdersEndpoint.SortKeys, ProductionOrderRow.ToResponse, ct);
        await Send.OkAsync(page, ct);
    }
}

using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Sales;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;

namespace StudioApi.Features.Production.ProductionOrders.Restore;

public sealed class RestoreProductionOrderRequest
{
    public long Id { get; set; }
}

public sealed class RestoreProductionOrderEndpoint(StudioDbContext db, StudioCalendar calendar) : Endpoint<RestoreProductionOrderRequest, ProductionOrderResponse>
{
    public override void Configure()
    {
        Post("/production-orders/{id}/restore");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("ProductionOrders", "Restore", "Bring a production order back from the recycle bin",
            "Only while its invoice is live (else 409: restore the invoice, or its session, first).")
            .Answers(StatusCodes.Status409Conflict, "Its invoice is in the recycle bin."));
    }

    public override async Task HandleAsync(RestoreProductionOrderRequest req, CancellationToken ct)
    {
        var order = await db.Set<ProductionOrder>().IgnoreQueryFilters().Include(o => o.Status)
                        .SingleOrDefaultAsync(o => o.Id == req.Id && o.DeletedAt != null, ct)
                    ?? throw ApiProblem.NotFound("deleted production order", req.Id);
        if (!await db.Invoices.AnyAsync(i => i.Id == order.InvoiceId, ct))
            throw ApiProblem.Conflict($"Production order {order.Number}'s invoice is in the recycle bin: restore it first.");
        db.Restore(order);
        await db.SaveChangesAsync(ct);

        HttpContext.WriteETag(order);
        await Send.OkAsync(await ProductionOrderResponse.OneAsync(db, order, await calendar.TodayAsync(ct), ct), ct);
    }
}

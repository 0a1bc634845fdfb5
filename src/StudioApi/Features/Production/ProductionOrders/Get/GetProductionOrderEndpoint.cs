using FastEndpoints;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;

namespace StudioApi.Features.Production.ProductionOrders.Get;

public sealed class GetProductionOrderRequest
{
    public long Id { get; set; }
}

public sealed class GetProductionOrderEndpoint(StudioDbContext db, StudioCalendar calendar) : Endpoint<GetProductionOrderRequest, ProductionOrderResponse>
{
    public override void Configure()
    {
        Get("/production-orders/{id}");
        Roles(ProductionOrderAccess.Workers);
        Description(d => d.Operation("ProductionOrders", "Get", "Get a production order", "With its ordered lines, images and crops."));
    }

    public override async Task HandleAsync(GetProductionOrderRequest req, CancellationToken ct)
    {
        var order = await ProductionOrderAccess.FindAsync(db, User, req.Id, ct);
        HttpContext.WriteETag(order);
        await Send.OkAsync(await ProductionOrderResponse.OneAsync(db, order, await calendar.TodayAsync(ct), ct), ct);
    }
}

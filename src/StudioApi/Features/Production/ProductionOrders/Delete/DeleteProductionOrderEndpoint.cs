using FastEndpoints;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Production.ProductionOrders.Delete;

public sealed class DeleteProductionOrderRequest
{
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class DeleteProductionOrderEndpoint(StudioDbContext db) : Endpoint<DeleteProductionOrderRequest>
{
    public override void Configure()
    {
        Delete("/production-orders/{id}");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("ProductionOrders", "Delete", "Move a production order to the recycle bin",
            "Its invoice lines stay ordered (restore it to go on with them): asking for the invoice's production orders again does not order them twice."));
    }

    public override async Task HandleAsync(DeleteProductionOrderRequest req, CancellationToken ct)
    {
        var order = await ProductionOrderAccess.FindAsync(db, User, req.Id, ct);
        db.MatchVersion(order, req.IfMatch);
        db.SoftDelete(order);
        await db.SaveChangesAsync(ct);
        await Send.NoContentAsync(ct);
    }
}

using StudioApi.Platform.Persistence;
using StudioApi.Platform.Workflow;
using StudioApi.Platform.Workflow.Transitions;

namespace StudioApi.Features.Production.ProductionOrders.StatusChanges;

// The production-order workflow's status changes (statuses by production type when the studio keeps them so): the
// shared transition endpoints, named for production orders. Whoever works production moves the orders it sees on;
// bulk changes are the front desk's.

public sealed class ChangeProductionOrderStatusEndpoint : ChangeRecordStatusEndpoint
{
    protected override RecordKind Kind => RecordKind.ProductionOrder;
    protected override string Tag => "ProductionOrders";
    protected override string[] Editors => ProductionOrderAccess.Workers;

    public override async Task HandleAsync(ChangeRecordStatusRequest req, CancellationToken ct)
    {
        await ProductionOrderAccess.EnsureVisibleAsync(Resolve<StudioDbContext>(), User, req.Id, ct);
        await base.HandleAsync(req, ct);
    }
}

public sealed class ListProductionOrderStatusChangesEndpoint : ListRecordStatusChangesEndpoint
{
    protected override RecordKind Kind => RecordKind.ProductionOrder;
    protected override string Tag => "ProductionOrders";
    protected override string[] Readers => ProductionOrderAccess.Workers;

    public override async Task HandleAsync(ListRecordStatusChangesRequest req, CancellationToken ct)
    {
        await ProductionOrderAccess.EnsureVisibleAsync(Resolve<StudioDbContext>(), User, req.Id, ct);
        await base.HandleAsync(req, ct);
    }
}

public sealed class BulkChangeProductionOrderStatusEndpoint : BulkChangeRecordStatusEndpoint
{
    protected override RecordKind Kind => RecordKind.ProductionOrder;
    protected override string Tag => "ProductionOrders";
    protected override string[] Editors => Platform.Auth.Roles.FrontDesk;
}

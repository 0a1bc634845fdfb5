using StudioApi.Platform.Persistence;
using StudioApi.Platform.Workflow;
using StudioApi.Platform.Workflow.Transitions;

namespace StudioApi.Features.Sales.Invoices.StatusChanges;

// The invoice workflow's status changes: the shared transition endpoints, named for invoices. Those who sell move the
// invoices they see on (the kiosk marks an order placed); bulk changes are the front desk's.

public sealed class ChangeInvoiceStatusEndpoint : ChangeRecordStatusEndpoint
{
    protected override RecordKind Kind => RecordKind.Invoice;
    protected override string Tag => "Invoices";
    protected override string[] Editors => InvoiceAccess.Sellers;

    public override async Task HandleAsync(ChangeRecordStatusRequest req, CancellationToken ct)
    {
        await InvoiceAccess.EnsureVisibleAsync(Resolve<StudioDbContext>(), User, req.Id, ct);
        await base.HandleAsync(req, ct);
    }
}

public sealed class ListInvoiceStatusChangesEndpoint : ListRecordStatusChangesEndpoint
{
    protected override RecordKind Kind => RecordKind.Invoice;
    protected override string Tag => "Invoices";
    protected override string[] Readers => InvoiceAccess.Sellers;

    public override async Task HandleAsync(ListRecordStatusChangesRequest req, CancellationToken ct)
    {
        await InvoiceAccess.EnsureVisibleAsync(Resolve<StudioDbContext>(), User, req.Id, ct);
        await base.HandleAsync(req, ct);
    }
}

public sealed class BulkChangeInvoiceStatusEndpoint : BulkChangeRecordStatusEndpoint
{
    protected override RecordKind Kind => RecordKind.Invoice;
    protected override string Tag => "Invoices";
    protected override string[] Editors => Platform.Auth.Roles.FrontDesk;
}

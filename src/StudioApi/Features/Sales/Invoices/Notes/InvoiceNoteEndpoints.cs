using StudioApi.Features.Clients.Notes;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Workflow;

namespace StudioApi.Features.Sales.Invoices.Notes;

// The invoice notes log: the shared notes endpoints, named for invoices, for those who sell and only on invoices they see.

public sealed class AddInvoiceNoteEndpoint : AddRecordNoteEndpoint
{
    protected override RecordKind Kind => RecordKind.Invoice;
    protected override string Tag => "Invoices";
    protected override string[] Authors => InvoiceAccess.Sellers;

    public override async Task HandleAsync(AddRecordNoteRequest req, CancellationToken ct)
    {
        await InvoiceAccess.EnsureVisibleAsync(Resolve<StudioDbContext>(), User, req.Id, ct);
        await base.HandleAsync(req, ct);
    }
}

public sealed class ListInvoiceNotesEndpoint : ListRecordNotesEndpoint
{
    protected override RecordKind Kind => RecordKind.Invoice;
    protected override string Tag => "Invoices";
    protected override string[] Readers => InvoiceAccess.Sellers;

    public override async Task HandleAsync(ListRecordNotesRequest req, CancellationToken ct)
    {
        await InvoiceAccess.EnsureVisibleAsync(Resolve<StudioDbContext>(), User, req.Id, ct);
        await base.HandleAsync(req, ct);
    }
}

using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Clients;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Paging;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.Invoices.ForClient;

public sealed class ListClientInvoicesRequest : ListRequest
{
    /// <summary>The client.</summary>
    public long Id { get; set; }
}

public sealed class ListClientInvoicesValidator() : ListRequestValidator<ListClientInvoicesRequest, InvoiceRow>(List.ListInvoicesEndpoint.SortKeys);

/// <summary>The client's Invoices tab (seed): number, date, type, total, paid and balance of each of the client's invoices.</summary>
public sealed class ListClientInvoicesEndpoint(StudioDbContext db) : Endpoint<ListClientInvoicesRequest, Page<InvoiceSummaryResponse>>
{
    public override void Configure()
    {
        Get("/clients/{id}/invoices");
        Roles(InvoiceAccess.Sellers);
        Description(d => d.Operation("Invoices", "ListForClient", "List a client's invoices",
            "The client record's Invoices tab: number, date, type, total, paid and balance; newest first by default."));
    }

    public override async Task HandleAsync(ListClientInvoicesRequest req, CancellationToken ct)
    {
        if (!await db.Clients.AnyAsync(c => c.Id == req.Id, ct))
            throw ApiProblem.NotFound("client", req.Id);
        var page = await db.Invoices.AsNoTracking().Visible(db, User).Where(i => i.ClientId == req.Id)
            .Select(InvoiceRow.Of).ToPageAsync(req, List.ListInvoicesEndpoint.SortKeys, r => r, ct);
        await Send.OkAsync(await InvoiceRow.SummariesAsync(db, page, ct), ct);
    }
}

using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Paging;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.Invoices.ForSession;

public sealed class ListSessionInvoicesRequest : ListRequest
{
    /// <summary>The session.</summary>
    public long Id { get; set; }
}

public sealed class ListSessionInvoicesValidator() : ListRequestValidator<ListSessionInvoicesRequest, InvoiceRow>(List.ListInvoicesEndpoint.SortKeys);

/// <summary>The session's Invoices tab (seed: "identical to the one found on the client record", for this session only).</summary>
public sealed class ListSessionInvoicesEndpoint(StudioDbContext db) : Endpoint<ListSessionInvoicesRequest, Page<InvoiceSummaryResponse>>
{
    public override void Configure()
    {
        Get("/sessions/{id}/invoices");
        Roles(InvoiceAccess.Sellers);
        Description(d => d.Operation("Invoices", "ListForSession", "List a session's invoices",
            "The session record's Invoices tab: number, date, type, total, paid and balance; newest first by default."));
    }

    public override async Task HandleAsync(ListSessionInvoicesRequest req, CancellationToken ct)
    {
        if (!await InvoiceAccess.VisibleSessions(db, User).AnyAsync(s => s.Id == req.Id, ct))
            throw ApiProblem.NotFound("session", req.Id);
        var page = await db.Invoices.AsNoTracking().Visible(db, User).Where(i => i.SessionId == req.Id)
            .Select(InvoiceRow.Of).ToPageAsync(req, List.ListInvoicesEndpoint.SortKeys, r => r, ct);
        await Send.OkAsync(await InvoiceRow.SummariesAsync(db, page, ct), ct);
    }
}

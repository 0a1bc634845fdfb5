using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Scheduling.Sessions;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;

namespace StudioApi.Features.Sales.Invoices.Restore;

public sealed class RestoreInvoiceRequest
{
    public long Id { get; set; }
}

public sealed class RestoreInvoiceEndpoint(StudioDbContext db, StudioCalendar calendar) : Endpoint<RestoreInvoiceRequest, InvoiceResponse>
{
    public override void Configure()
    {
        Post("/invoices/{id}/restore");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d
            .Answers(StatusCodes.Status409Conflict, "The invoice's session is in the recycle bin: restore the session.")
            .Operation("Invoices", "Restore", "Bring an invoice back from the recycle bin",
                "An invoice deleted with its session comes back only with the session (409 while the session is in the recycle bin)."));
    }

    public override async Task HandleAsync(RestoreInvoiceRequest req, CancellationToken ct)
    {
        var invoice = await db.InTransactionAsync(async () =>
        {
            var found = await db.Invoices.IgnoreQueryFilters().SingleOrDefaultAsync(i => i.Id == req.Id && i.DeletedAt != null, ct)
                        ?? throw ApiProblem.NotFound("deleted invoice", req.Id);
            if (found.SessionId is { } sessionId && !await SessionRows.HoldLiveAsync(db, sessionId, ct))
                throw ApiProblem.Conflict($"Invoice {found.Number}'s session {sessionId} is in the recycle bin: restore the session, which brings back its invoices.");
            db.Restore(found);
            await db.SaveChangesAsync(ct);
            return found;
        }, ct);
        HttpContext.WriteETag(invoice);
        await Send.OkAsync(await InvoiceResponse.OneAsync(db, invoice, await calendar.TodayAsync(ct), ct), ct);
    }
}

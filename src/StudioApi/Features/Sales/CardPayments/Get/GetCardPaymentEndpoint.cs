using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Sales.Invoices;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.CardPayments.Get;

public sealed class GetCardPaymentRequest
{
    public long Id { get; set; }
}

public sealed class GetCardPaymentEndpoint(StudioDbContext db) : Endpoint<GetCardPaymentRequest, CardPaymentResponse>
{
    public override void Configure()
    {
        Get("/card-payments/{id}");
        Roles(InvoiceAccess.Sellers);
        Description(d => d.Operation("CardPayments", "Get", "Get a card payment",
            "Whether the provider has confirmed it (succeeded, with the payment recorded), or it failed or was canceled."));
    }

    public override async Task HandleAsync(GetCardPaymentRequest req, CancellationToken ct)
    {
        var invoices = db.Invoices.Visible(db, User);
        var card = await db.CardPayments.AsNoTracking().Where(c => invoices.Any(i => i.Id == c.InvoiceId)).SingleOrDefaultAsync(c => c.Id == req.Id, ct)
                   ?? throw ApiProblem.NotFound("card payment", req.Id);
        HttpContext.WriteETag(card);
        await Send.OkAsync(CardPaymentResponse.From(card), ct);
    }
}

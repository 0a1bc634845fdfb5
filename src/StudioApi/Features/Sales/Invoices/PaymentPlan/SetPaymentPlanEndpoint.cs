using FastEndpoints;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;

namespace StudioApi.Features.Sales.Invoices.PaymentPlan;

public sealed class SetPaymentPlanRequest : PaymentPlanInput
{
    [RouteParam]
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class SetPaymentPlanValidator : Validator<SetPaymentPlanRequest>
{
    public SetPaymentPlanValidator() => Include(new PaymentPlanInputValidator());
}

public sealed class SetPaymentPlanEndpoint(StudioDbContext db, StudioCalendar calendar) : Endpoint<SetPaymentPlanRequest, InvoiceResponse>
{
    public override void Configure()
    {
        Put("/invoices/{id}/payment-plan");
        Roles(InvoiceAccess.Sellers);
        Description(d => d
            .Answers(StatusCodes.Status409Conflict, "The invoice is void.")
            .Operation("Invoices", "SetPaymentPlan", "Set an invoice's payment plan",
                "A deposit (a fixed amount or a percentage of the total, rounded once; due on the invoice date unless "
                + "given) and instalments with due dates, adding up to the total (422 otherwise). Each instalment reads "
                + "paid, open or pastDue from what has been paid and credited, in due order. Replaces any plan."));
    }

    public override async Task HandleAsync(SetPaymentPlanRequest req, CancellationToken ct)
    {
        var invoice = await db.InTransactionAsync(async () =>
        {
            await InvoiceBalances.HoldAsync(db, req.Id, ct);
            var found = await InvoiceAccess.FindAsync(db, User, req.Id, ct);
            db.MatchVersion(found, req.IfMatch);
            if (found.IsVoid)
                throw ApiProblem.Conflict($"Invoice {found.Number} is void.");
            found.Instalments = PaymentPlans.Build(found, req);
            await db.SaveChangesAsync(ct);
            return found;
        }, ct);
        HttpContext.WriteETag(invoice);
        await Send.OkAsync(await InvoiceResponse.OneAsync(db, invoice, await calendar.TodayAsync(ct), ct), ct);
    }
}

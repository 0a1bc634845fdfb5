using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Sales.TaxSettings;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Http.Validation;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;

namespace StudioApi.Features.Sales.Invoices.Update;

public sealed class UpdateInvoiceRequest : InvoiceContentInput
{
    [RouteParam]
    public long Id { get; set; }

    /// <summary>What is sold, in order: 0–500 lines; those sent back with their id keep what they were sold as.</summary>
    public List<KeptInvoiceLineInput>? Lines { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }

    public override IReadOnlyList<InvoiceLineInput> LinesToPrice() => Lines ?? [];
}

public sealed class UpdateInvoiceValidator : Validator<UpdateInvoiceRequest>
{
    public UpdateInvoiceValidator()
    {
        Include(new InvoiceContentValidator());
        RuleFor(r => r.Lines).MaxItems(InvoiceLimits.MaxLines)
            .Must(lines => lines is null || lines.Where(l => l?.Id is not null).Select(l => l!.Id).Distinct().Count() == lines.Count(l => l?.Id is not null))
            .WithMessage("Name each existing line once.");
        RuleForEach(r => r.Lines).SetValidator(new InvoiceLineInputValidator());
        RuleForEach(r => r.Lines).ChildRules(line => line.RuleFor(l => l.Id).GreaterThan(0));
    }
}

public sealed class UpdateInvoiceEndpoint(StudioDbContext db, InvoicePricing pricing, StudioCalendar calendar, IEnumerable<IInvoiceLineHolders> lineHolders)
    : Endpoint<UpdateInvoiceRequest, InvoiceResponse>
{
    public override void Configure()
    {
        Put("/invoices/{id}");
        Roles(InvoiceAccess.Sellers);
        Description(d => d
            .Answers(StatusCodes.Status409Conflict, "The invoice is fixed: it has payments or credit memos, is void, converted, or a credit memo; its payment plan no longer adds up; or its lines changed while production orders hold them.")
            .Operation("Invoices", "Update", "Replace an invoice's lines, coupons and shipping",
                "Lines sent back with their id keep what they were sold for; new lines are priced from the list today. "
                + "Client, session, type and price list stay. Once money is on record (payments, credit memos) an invoice "
                + "is fixed: credit it or void it instead (409). A change of total with a payment plan is refused until the plan is replaced, and a change of lines once production orders were made from them (409)."));
    }

    public override async Task HandleAsync(UpdateInvoiceRequest req, CancellationToken ct)
    {
        var today = await calendar.TodayAsync(ct);
        var invoice = await db.InTransactionAsync(async () =>
        {
            await InvoiceBalances.HoldAsync(db, req.Id, ct);
            var found = await InvoiceAccess.FindAsync(db, User, req.Id, ct);
            db.MatchVersion(found, req.IfMatch);
            if (found.IsVoid || found.Type == InvoiceType.CreditMemo || found.ConvertedToInvoiceId is not null)
                throw ApiProblem.Conflict($"Invoice {found.Number} is {(found.IsVoid ? "void" : found.Type == InvoiceType.CreditMemo ? "a credit memo" : "an estimate already converted")}: it cannot change.");
            if (await InvoiceMoney.BlockersAsync(db, found.Id, ct) is { Count: > 0 } blockers)
                throw ApiProblem.Conflict($"Invoice {found.Number} has money on record ({string.Join("; ", blockers)}): credit it (credit memo) or void it instead.",
                    new Dictionary<string, object?> { ["blockers"] = blockers });

            var tax = await db.GetTaxSettingsAsync(forUpdate: false, ct);
            var totalBefore = found.Total;
            found.Date = req.Date ?? found.Date;
            await pricing.ApplyAsync(found, req, new InvoicePricing.Context(found.PriceListId, found.ClientId, found.SessionId, found.Date, tax, found.Type), ct);
            found.ShippingMethodId = req.ShippingMethodId;
            // Changed lines are new rows (new ids): refused while production orders point at the old ones.
            if (found.Lines.Any(l => l.Id == 0))
                foreach (var holders in lineHolders)
                    if (await holders.FindAsync(found.Id, ct) is { Count: > 0 } held)
                        throw ApiProblem.Conflict($"Invoice {found.Number}'s lines are on {string.Join(", ", held)}: they cannot change. Credit the invoice and sell again, or delete those first.",
                            new Dictionary<string, object?> { ["blockers"] = held });
            if (found.Instalments.Count > 0 && found.Total != totalBefore)
                throw ApiProblem.Conflict($"The invoice's payment plan comes to {totalBefore}; the new total is {found.Total}: replace the plan (PUT /invoices/{found.Id}/payment-plan) or remove it first.");
            InvoiceBalances.Apply(found, found.Paid, found.Credited);
            await db.SaveChangesAsync(ct);
            return found;
        }, ct);

        HttpContext.WriteETag(invoice);
        await Send.OkAsync(await InvoiceResponse.OneAsync(db, invoice, today, ct), ct);
    }
}

using FastEndpoints;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Clients;
using StudioApi.Features.Sales.Invoices.PaymentPlan;
using StudioApi.Features.Sales.TaxSettings;
using StudioApi.Features.Scheduling.Sessions;
using StudioApi.Platform.Currencies;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Http.Validation;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;
using StudioApi.Platform.Workflow;

namespace StudioApi.Features.Sales.Invoices.Create;

public sealed class CreateInvoiceRequest : InvoiceContentInput
{
    /// <summary>What is sold, in order: 0–500 lines.</summary>
    public List<InvoiceLineInput>? Lines { get; set; }

    /// <summary>The client billed; with a session, defaults to (and must be) the session's client.</summary>
    public long? ClientId { get; set; }
    /// <summary>The session sold for; the kiosk (sales role) always sells for one.</summary>
    public long? SessionId { get; set; }
    /// <summary>
    /// sessionFee, initialOrder, reorder or estimate. Omitted: the session's first invoice is its session fee, the next
    /// its initial order, the others reorders (without a session: a reorder). Credit memos are made from their invoice.
    /// </summary>
    public InvoiceType? Type { get; set; }
    /// <summary>Defaults to the session's in-studio price list, else the in-studio default list.</summary>
    public long? PriceListId { get; set; }
    /// <summary>A deposit at booking and instalments, together the invoice's total; none by default.</summary>
    public PaymentPlanInput? PaymentPlan { get; set; }

    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }

    public override IReadOnlyList<InvoiceLineInput> LinesToPrice() => Lines ?? [];
}

public sealed class CreateInvoiceValidator : Validator<CreateInvoiceRequest>
{
    public CreateInvoiceValidator()
    {
        Include(new InvoiceContentValidator());
        RuleFor(r => r.Lines).MaxItems(InvoiceLimits.MaxLines);
        RuleForEach(r => r.Lines).SetValidator(new InvoiceLineInputValidator());
        RuleFor(r => r.ClientId).GreaterThan(0).NotNull().When(r => r.SessionId is null)
            .WithMessage("Give the client (clientId), or the session (sessionId) whose client is billed.");
        RuleFor(r => r.SessionId).GreaterThan(0);
        RuleFor(r => r.PriceListId).GreaterThan(0);
        RuleFor(r => r.Type).IsInEnum().NotEqual(InvoiceType.CreditMemo)
            .WithMessage("A credit memo credits an invoice: POST /invoices/{id}/credit-memos.");
        RuleFor(r => r.PaymentPlan!).SetValidator(new PaymentPlanInputValidator()).When(r => r.PaymentPlan is not null);
    }
}

public sealed class CreateInvoiceEndpoint(StudioDbContext db, InvoicePricing pricing, StatusTransitions transitions, StudioCalendar calendar)
    : Endpoint<CreateInvoiceRequest, InvoiceResponse>
{
    public override void Configure()
    {
        Post("/invoices");
        Roles(InvoiceAccess.Sellers);
        Description(d => d.Operation("Invoices", "Create", "Create an invoice",
            "Lines are priced from the invoice's price list as it is today and keep that price for good; the server "
            + "computes discounts, coupons, tax and totals (rounded once per line and once per total). A print's image "
            + "and crop, a package's poses and each coupon are checked (400 naming the field for an unknown reference, "
            + "422 for a broken rule). The kiosk (sales) sells only for sessions it can see.").AcceptsIdempotencyKey());
    }

    public override async Task HandleAsync(CreateInvoiceRequest req, CancellationToken ct)
    {
        var today = await calendar.TodayAsync(ct);
        var invoice = await db.InTransactionAsync(async () =>
        {
            long clientId;
            long? organizationId = null, sessionTypeId = null;
            if (req.SessionId is { } sessionId)
            {
                var session = await InvoiceAccess.VisibleSessions(db, User).AsNoTracking().Where(s => s.Id == sessionId)
                    .Select(s => new { s.ClientId, s.OrganizationId, s.SessionTypeId }).SingleOrDefaultAsync(ct);
                if (session is null)
                    ThrowError(new ValidationFailure("sessionId", $"There is no session {sessionId}."));
                if (req.ClientId is { } asked && asked != session!.ClientId)
                    ThrowError(new ValidationFailure("clientId", $"Session {sessionId} is client {session.ClientId}'s: bill that client, or leave clientId out."));
                (clientId, organizationId, sessionTypeId) = (session!.ClientId, session.OrganizationId, session.SessionTypeId);
                // The session's row first: its other invoices (the type rule) and its delete wait for this sale.
                await SessionRows.HoldLiveOrNotFoundAsync(db, sessionId, ct);
            }
            else
            {
                if (!InvoiceAccess.SeesAll(User))
                    throw ApiProblem.Forbidden("The kiosk sells for a session: give sessionId.");
                clientId = req.ClientId!.Value;
                if (!await db.Clients.AnyAsync(c => c.Id == clientId, ct))
                    ThrowError(new ValidationFailure("clientId", $"There is no client {clientId}."));
            }

            var tax = await db.GetTaxSettingsAsync(forUpdate: false, ct);
            var created = new Invoice
            {
                ClientId = clientId,
                SessionId = req.SessionId,
                Type = req.Type ?? await NewInvoices.DefaultTypeAsync(db, req.SessionId, ct),
                Date = req.Date ?? today,
                PriceListId = await NewInvoices.PriceListAsync(db, req.PriceListId, organizationId, sessionTypeId, ct),
                ShippingMethodId = req.ShippingMethodId,
            };
            NewInvoices.CopyTax(created, tax);
            await pricing.ApplyAsync(created, req, new InvoicePricing.Context(created.PriceListId, clientId, created.SessionId, created.Date, tax, created.Type), ct);
            InvoiceBalances.Apply(created, Money.Zero, Money.Zero);
            if (req.PaymentPlan is { } plan)
                created.Instalments = PaymentPlans.Build(created, plan);

            db.Invoices.Add(created);
            await transitions.StartAsync(RecordKind.Invoice, created, () => db.SaveNumberedAsync([created], ct), ct);
            return created;
        }, ct);

        HttpContext.WriteETag(invoice);
        await Send.CreatedAtAsync("Invoices_Get", new { id = invoice.Id }, await InvoiceResponse.OneAsync(db, invoice, today, ct), cancellation: ct);
    }
}

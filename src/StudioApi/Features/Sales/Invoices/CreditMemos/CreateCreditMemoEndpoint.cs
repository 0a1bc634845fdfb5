using FastEndpoints;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Clients;
using StudioApi.Features.Clients.Notes;
using StudioApi.Features.Sales.PriceListItems;
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

namespace StudioApi.Features.Sales.Invoices.CreditMemos;

public sealed class CreateCreditMemoRequest
{
    /// <summary>The invoice credited.</summary>
    public long Id { get; set; }
    /// <summary>Lines of the invoice to credit (returned, remade…), each with how many of it.</summary>
    public List<CreditedLineInput>? Lines { get; set; }
    /// <summary>An amount credited besides the lines (goodwill), untaxed, in minor units.</summary>
    public Money? Amount { get; set; }
    /// <summary>Why, for the record (kept in the credit memo's notes log).</summary>
    public string Reason { get; set; } = "";
    /// <summary>Defaults to today.</summary>
    public DateOnly? Date { get; set; }

    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }
}

public sealed class CreditedLineInput
{
    /// <summary>A line of the invoice (its id as read).</summary>
    public long LineId { get; set; }
    /// <summary>At most what the line sold less what credit memos already credited of it.</summary>
    public int Quantity { get; set; } = 1;
}

public sealed class CreateCreditMemoValidator : Validator<CreateCreditMemoRequest>
{
    public CreateCreditMemoValidator()
    {
        RuleFor(r => r.Lines).MaxItems(InvoiceLimits.MaxLines)
            .Must(l => l is null || l.Select(x => x?.LineId).Distinct().Count() == l.Count).WithMessage("Name each line once.");
        RuleForEach(r => r.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.LineId).GreaterThan(0);
            line.RuleFor(l => l.Quantity).InclusiveBetween(1, InvoiceLimits.MaxQuantity);
        });
        RuleFor(r => r.Amount!.Value).Must(a => a.MinorUnits > 0 && PriceRules.IsPrice(a)).OverridePropertyName("amount")
            .When(r => r.Amount is not null).WithMessage("A credited amount is more than 0 minor units.");
        RuleFor(r => r.Lines).NotEmpty().When(r => r.Amount is null).WithMessage("Credit lines of the invoice, an amount, or both.");
        RuleFor(r => r.Amount).NotNull().When(r => r.Lines is not { Count: > 0 }).WithMessage("Credit lines of the invoice, an amount, or both.");
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(RecordNote.TextMaxLength);
        RuleFor(r => r.Date).InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2200, 12, 31));
    }
}

/// <summary>
/// A credit memo against an invoice: a creditMemo invoice of its own (numbered, in the workflow) whose lines credit
/// lines of the invoice at the price, discount share and tax they were sold with, plus an amount if any; its total
/// reduces what the invoice owes (its balance may go below 0: the studio owes the client, refunded from a payment).
/// </summary>
public sealed class CreateCreditMemoEndpoint(StudioDbContext db, StatusTransitions transitions, StudioCalendar calendar, RecordAuthor author)
    : Endpoint<CreateCreditMemoRequest, InvoiceResponse>
{
    public override void Configure()
    {
        Post("/invoices/{id}/credit-memos");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces<InvoiceResponse>(StatusCodes.Status201Created)
            .Answers(StatusCodes.Status409Conflict, "The invoice is void, a credit memo or an estimate.")
            .Operation("Invoices", "CreateCreditMemo", "Credit an invoice",
                "Lines credit the invoice's lines (at most what each sold, less earlier credits) at what they were sold for; "
                + "an amount credits besides, untaxed. Never more than the invoice's total less earlier credits (422). "
                + "Answers the credit memo; the invoice's balance goes down by its total.").AcceptsIdempotencyKey());
    }

    public override async Task HandleAsync(CreateCreditMemoRequest req, CancellationToken ct)
    {
        var today = await calendar.TodayAsync(ct);
        var memo = await db.InTransactionAsync(async () =>
        {
            if (await db.Invoices.Where(i => i.Id == req.Id).Select(i => i.SessionId).FirstOrDefaultAsync(ct) is { } sessionId)
                await SessionRows.HoldLiveOrNotFoundAsync(db, sessionId, ct);
            await InvoiceBalances.HoldAsync(db, req.Id, ct);
            var invoice = await InvoiceAccess.FindAsync(db, User, req.Id, ct);
            if (!invoice.Receivable)
                throw ApiProblem.Conflict($"Invoice {invoice.Number} is {(invoice.IsVoid ? "void" : $"a {Wire(invoice.Type)}")}: only invoices owed are credited.");

            var credited = await db.Invoices.Where(c => c.CreditsInvoiceId == invoice.Id && c.VoidedAt == null)
                .SelectMany(c => c.Lines).Where(l => l.CreditsLineId != null)
                .GroupBy(l => l.CreditsLineId!.Value).Select(g => new { LineId = g.Key, Quantity = g.Sum(l => l.Quantity) })
                .ToDictionaryAsync(g => g.LineId, g => g.Quantity, ct);
            var sold = invoice.Lines.ToDictionary(l => l.Id);
            var lines = new List<InvoiceLine>();
            var priced = new List<PricedLine>();
            var inputs = req.Lines ?? [];
            for (var n = 0; n < inputs.Count; n++)
            {
                if (!sold.TryGetValue(inputs[n].LineId, out var line))
                {
                    AddError(new ValidationFailure($"lines[{n}].lineId", $"Invoice {invoice.Number} has no line {inputs[n].LineId}."));
                    continue;
                }
                var left = line.Quantity - credited.GetValueOrDefault(line.Id);
                if (inputs[n].Quantity > left)
                {
                    AddError(new ValidationFailure($"lines[{n}].quantity", $"Line {line.Code} sold {line.Quantity}; {left} of it can still be credited."));
                    continue;
                }
                var credit = InvoicePricing.CopyOf(line);
                (credit.Id, credit.Position, credit.Quantity, credit.CreditsLineId) = (0, lines.Count, inputs[n].Quantity, line.Id);
                (credit.DiscountPercent, credit.DiscountAmount) = (null, null);
                lines.Add(credit);
                priced.Add(new PricedLine(line.UnitPrice * inputs[n].Quantity, null, null, line.Taxed,
                    ExactDiscount: (decimal)line.Discount.MinorUnits * inputs[n].Quantity / line.Quantity));
            }
            ThrowIfAnyErrors();
            if (req.Amount is { } amount)
            {
                lines.Add(new InvoiceLine
                {
                    Position = lines.Count, Code = "CREDIT", Description = "Credit", ItemType = PriceListItemType.Standard, Quantity = 1, UnitPrice = amount,
                });
                priced.Add(new PricedLine(amount, null, null, Taxed: false));
            }

            var created = new Invoice
            {
                ClientId = invoice.ClientId,
                SessionId = invoice.SessionId,
                Type = InvoiceType.CreditMemo,
                Date = req.Date ?? today,
                PriceListId = invoice.PriceListId,
                CreditsInvoiceId = invoice.Id,
                TaxIncludedInPrices = invoice.TaxIncludedInPrices,
                Taxes = invoice.Taxes.OrderBy(t => t.Position).Select(t => new InvoiceTax { Position = t.Position, Name = t.Name, RatePercent = t.RatePercent }).ToList(),
            };
            var amounts = InvoiceArithmetic.Compute(priced, [], created.Taxes.Select(t => t.RatePercent).ToList(), created.TaxIncludedInPrices);
            InvoicePricing.SetAmounts(created, lines, created.Taxes, [], amounts);
            var creditable = invoice.Total - invoice.Credited;
            if (created.Total > creditable)
                throw ApiProblem.RuleBroken($"This credit memo comes to {created.Total}; invoice {invoice.Number} can be credited {creditable} more (its total less earlier credits).");
            InvoiceBalances.Apply(created, Money.Zero, Money.Zero);
            db.Invoices.Add(created);
            await transitions.StartAsync(RecordKind.Invoice, created, () => db.SaveNumberedAsync([created], ct), ct);

            db.RecordNotes.Add(new RecordNote { Kind = RecordKind.Invoice, RecordId = created.Id, Text = $"Credits invoice {invoice.Number}: {req.Reason.Trim()}", Author = author.Name, CreatedAt = db.UtcNow });
            await InvoiceBalances.RecomputeAsync(db, invoice, ct);
            await db.SaveChangesAsync(ct);
            return created;
        }, ct);

        HttpContext.WriteETag(memo);
        await Send.CreatedAtAsync("Invoices_Get", new { id = memo.Id }, await InvoiceResponse.OneAsync(db, memo, today, ct), cancellation: ct);
    }

    static string Wire(InvoiceType type) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(type.ToString());
}

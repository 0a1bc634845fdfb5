using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;
using StudioApi.Features.Sales.Invoices;
using StudioApi.Features.Sales.Invoices.Create;
using StudioApi.Features.Sales.Invoices.PaymentPlan;
using StudioApi.Features.Sales.PriceListItems;
using StudioApi.Features.Sales.PriceLists;
using StudioApi.Features.Sales.TaxSettings;
using StudioApi.Features.Scheduling;
using StudioApi.Features.Scheduling.OnlineBooking.Deposits;
using StudioApi.Features.Scheduling.Sessions;
using StudioApi.Features.Setup.SessionTypes;
using StudioApi.Platform.Currencies;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;
using StudioApi.Platform.Workflow;

namespace StudioApi.Features.Sales.CardPayments.Deposits;

/// <summary>
/// The deposit of an online booking (issue 11: "online booking can require a deposit paid this way"): the session's
/// session-fee invoice, sold from its online price list (else the in-studio one) at the fee of the day, with a payment
/// plan whose deposit is due today and the rest on the session date; then a card payment (a Stripe payment intent)
/// for the deposit, whose client secret the booking answers so the client pays in Stripe's own form.
/// </summary>
public sealed class BookingDeposits(StudioDbContext db, InvoicePricing pricing, StatusTransitions transitions, StudioCalendar calendar, ICardPaymentProvider provider)
    : IBookingDeposits
{
    public bool CanTakeDeposits => provider.IsConfigured;

    public async Task<BookingDeposit> CreateInvoiceAsync(Session session, BookingRules rules, DateTimeOffset dueBy, CancellationToken ct)
    {
        var listId = (await SessionPriceList.FindAsync(db, session.OrganizationId, session.SessionTypeId, SalesChannel.Online, ct)
                      ?? await SessionPriceList.FindAsync(db, session.OrganizationId, session.SessionTypeId, SalesChannel.InStudio, ct))?.PriceListId
                     ?? throw ApiProblem.Conflict("This session type asks for a deposit, but no price list applies to it: the studio has to set one up.");
        var fee = await db.PriceListItems.Where(i => i.PriceListId == listId && i.Type == PriceListItemType.SessionFee)
                      .OrderBy(i => i.Position).ThenBy(i => i.Id).Select(i => (long?)i.Id).FirstOrDefaultAsync(ct)
                  ?? throw ApiProblem.Conflict("This session type asks for a deposit, but its price list has no session fee: the studio has to add one.");
        var today = await calendar.TodayAsync(ct);
        var tax = await db.GetTaxSettingsAsync(forUpdate: false, ct);
        var invoice = new Invoice
        {
            ClientId = session.ClientId, SessionId = session.Id, Type = InvoiceType.SessionFee, Date = today, PriceListId = listId,
        };
        NewInvoices.CopyTax(invoice, tax);
        var content = new CreateInvoiceRequest { Lines = [new InvoiceLineInput { ItemId = fee, Quantity = 1 }] };
        await pricing.ApplyAsync(invoice, content, new InvoicePricing.Context(listId, session.ClientId, session.Id, today, tax, InvoiceType.SessionFee), ct);
        InvoiceBalances.Apply(invoice, Money.Zero, Money.Zero);
        var deposit = new DepositInput { Amount = rules.DepositAmount, Percent = rules.DepositAmount is null ? rules.DepositPercent : null, DueDate = today };
        // The deposit now; the rest of the fee by the session date (a fee that is all deposit has no rest).
        var amount = deposit.Percent is { } percent ? invoice.Total.Percent(percent) : deposit.Amount!.Value;
        var rest = amount < invoice.Total ? new List<InstalmentInput> { new() { DueDate = session.Date < today ? today : session.Date } } : null;
        invoice.Instalments = PaymentPlans.Build(invoice, new PaymentPlanInput { Deposit = deposit, Instalments = rest });
        db.Invoices.Add(invoice);
        await transitions.StartAsync(RecordKind.Invoice, invoice, () => db.SaveNumberedAsync([invoice], ct), ct);
        var studio = await db.GetStudioSettingsAsync(forUpdate: false, ct);
        return new BookingDeposit(invoice.Id, invoice.Number, invoice.Instalments[0].Amount, studio.Currency, dueBy);
    }

    public async Task<BookingDeposit> RequestCardPaymentAsync(BookingDeposit deposit, string idempotencyKey, CancellationToken ct)
    {
        // The booking is committed and held: should the provider fail, the sweep releases it when the hold runs out (a
        // retry of the request would find its own slot taken, since only successful answers are kept for an Idempotency-Key).
        var (_, intent) = await CardIntents.OpenAsync(db, provider, deposit.InvoiceId, deposit.Amount, deposit.Currency,
            $"studioapi-deposit-{deposit.InvoiceId}-{idempotencyKey}",
            e => $"The card payment provider could not start the deposit's payment ({e.Message}); the slot is held until {deposit.DueBy:u} and then released.", ct);
        return deposit with { ClientSecret = intent.ClientSecret };
    }

    /// <summary>
    /// After a payment is recorded on <paramref name="invoice"/>: a session held for its deposit is confirmed once the
    /// deposit is covered (in the payment's transaction).
    /// </summary>
    public static async Task ConfirmHeldSessionAsync(StudioDbContext db, Invoice invoice, CancellationToken ct)
    {
        if (invoice.SessionId is not { } sessionId || invoice.Instalments.OrderBy(x => x.Position).FirstOrDefault() is not { Kind: InstalmentKind.Deposit } deposit
            || invoice.Paid + invoice.Credited < deposit.Cumulative)
            return;
        var session = await db.Sessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.DepositDueBy != null && !s.Cancelled, ct);
        if (session is null)
            return;
        session.DepositDueBy = null;
        session.Confirmed = true;
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>
/// Releases the slots of online bookings whose deposit was not paid in time (every minute, Quartz): the session is
/// cancelled (so its time is free again) and its unpaid deposit invoice voided, in one transaction per session, by a
/// guarded update so a payment recorded meanwhile (which clears the hold) wins.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DepositHoldSweep(StudioDbContext db) : IJob
{
    public const string Reason = "The online booking's deposit was not paid in time; the slot was released.";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct) => await RunAsync(ct);

    /// <summary>Answers how many bookings it released.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = db.UtcNow;
        var expired = await db.Sessions.Where(s => s.DepositDueBy != null && s.DepositDueBy <= now).OrderBy(s => s.Id).Select(s => s.Id).Take(500).ToListAsync(ct);
        var released = 0;
        foreach (var sessionId in expired)
        {
            var done = await db.InTransactionAsync(async () =>
            {
                var session = await db.Sessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.DepositDueBy != null && s.DepositDueBy <= now, ct);
                if (session is null)
                    return false;
                session.DepositDueBy = null;
                session.Cancelled = true;
                foreach (var invoice in await db.Invoices.Where(i => i.SessionId == sessionId && i.VoidedAt == null && i.Paid == Money.Zero && i.Credited == Money.Zero).ToListAsync(ct))
                {
                    invoice.VoidedAt = now;
                    invoice.VoidReason = Reason;
                    InvoiceBalances.Apply(invoice, Money.Zero, Money.Zero);
                }
                await db.SaveChangesAsync(ct);
                return true;
            }, ct);
            db.ChangeTracker.Clear();
            if (done)
                released++;
        }
        return released;
    }
}

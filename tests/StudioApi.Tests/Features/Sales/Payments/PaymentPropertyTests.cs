using System.Net;
using System.Net.Http.Json;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Sales;
using StudioApi.Features.Sales.Payments;
using StudioApi.Platform.Currencies;
using StudioApi.Tests.Features.Sales.Invoices;
using StudioApi.Tests.Infrastructure;
using static StudioApi.Tests.Features.Sales.Invoices.InvoiceKit;

namespace StudioApi.Tests.Features.Sales.Payments;

/// <summary>
/// Payments, refunds and voids in any order, through the API, against a model of what each should do: every answer is
/// the model's (taken, or refused as an overpayment, an over-refund or a void that may not be), refunds never exceed
/// what a payment put toward the invoice, and the invoice's paid and balance never drift from the sum of its payments.
/// </summary>
public sealed class PaymentPropertyTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    abstract record Op;
    sealed record Pay(long Amount, bool KeepExcess) : Op;
    sealed record Refund(int Of, long Amount) : Op;
    sealed record Void(int Of) : Op;

    sealed class Entry
    {
        public required long Id { get; init; }
        public required bool IsRefund { get; init; }
        public required long Amount { get; init; }
        public long ToCredit { get; init; }
        public int? RefundOf { get; init; }
        public bool Voided { get; set; }
    }

    static readonly Gen<Op> Ops = Gen.Frequency(
        (4, Gen.Select(Gen.Long[1, 3500], Gen.Bool).Select(Op (amount, keep) => new Pay(amount, keep))),
        (3, Gen.Select(Gen.Int[0, 9], Gen.Long[1, 2500]).Select(Op (of, amount) => new Refund(of, amount))),
        (1, Gen.Int[0, 9].Select(Op (of) => new Void(of))));

    [Fact]
    public async Task Any_order_of_payments_refunds_and_voids_does_what_the_model_says_and_the_balance_never_drifts()
    {
        var admin = await app.AdminAsync();
        await admin.SetTaxAsync();
        var shop = await admin.OpenShopAsync(photos: 0);
        var cash = await admin.MethodAsync("Cash");

        await Ops.List[1, 10].SampleAsync(async ops =>
        {
            var invoice = await admin.CreateInvoiceAsync(new { clientId = shop.ClientId, priceListId = shop.ListId, lines = new[] { new { itemId = shop.Fee } } });
            var entries = new List<Entry>();
            long Paid() => entries.Where(e => !e.Voided).Sum(e => e.IsRefund ? -e.Amount : e.Amount - e.ToCredit);
            long Refunded(Entry payment) => entries.Where(e => !e.Voided && e.RefundOf == entries.IndexOf(payment)).Sum(e => e.Amount);

            foreach (var op in ops)
            {
                switch (op)
                {
                    case Pay(var amount, var keep):
                    {
                        var balance = invoice.Total - Paid();
                        var response = await admin.PayAsync(invoice.Id, new { amount, methodId = cash, takeExcessAsCredit = keep });
                        if (amount > balance && !keep)
                        {
                            response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, $"{op} with {balance} owed");
                            break;
                        }
                        var body = await response.ShouldBeAsync<PaymentBody>(HttpStatusCode.Created);
                        body.ToClientCredit.ShouldBe(amount > balance ? amount - Math.Max(balance, 0) : 0);
                        entries.Add(new Entry { Id = body.Id, IsRefund = false, Amount = amount, ToCredit = body.ToClientCredit });
                        break;
                    }
                    case Refund(var of, var amount):
                    {
                        if (entries.Count == 0)
                            break;
                        var payment = entries[of % entries.Count];
                        var response = await admin.RefundAsync(payment.Id, amount);
                        if (payment.IsRefund || payment.Voided)
                            response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
                        else if (amount > payment.Amount - payment.ToCredit - Refunded(payment))
                            response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, $"{op}: refunds would exceed what was paid");
                        else
                        {
                            var body = await response.ShouldBeAsync<PaymentBody>(HttpStatusCode.Created);
                            entries.Add(new Entry { Id = body.Id, IsRefund = true, Amount = amount, RefundOf = entries.IndexOf(payment) });
                        }
                        break;
                    }
                    case Void(var of):
                    {
                        if (entries.Count == 0)
                            break;
                        var entry = entries[of % entries.Count];
                        var response = await admin.PostAsJsonAsync($"/api/v1/payments/{entry.Id}/void", new { reason = "Property test" });
                        if (entry.Voided || !entry.IsRefund && Refunded(entry) > 0)
                            response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
                        else
                        {
                            response.StatusCode.ShouldBe(HttpStatusCode.OK);
                            entry.Voided = true;
                        }
                        break;
                    }
                }

                var read = await admin.InvoiceAsync(invoice.Id);
                read.Paid.ShouldBe(Paid(), $"after {op}");
                read.Balance.ShouldBe(invoice.Total - Paid());
                foreach (var payment in entries.Where(e => !e.IsRefund && !e.Voided))
                    Refunded(payment).ShouldBeLessThanOrEqualTo(payment.Amount - payment.ToCredit);
            }

            // What the invoice stores is the sum of the rows of its payments, recomputed from scratch here.
            var (stored, summed) = await app.WithDbAsync(async db =>
            {
                var rows = await db.Payments.Where(p => p.InvoiceId == invoice.Id && p.VoidedAt == null).ToListAsync();
                var paid = rows.Sum(p => p.Kind == PaymentKind.Refund ? -p.Amount.MinorUnits : p.Applied.MinorUnits);
                return ((await db.Invoices.SingleAsync(i => i.Id == invoice.Id)).Paid, new Money(paid));
            });
            stored.ShouldBe(summed);
        }, iter: 60, threads: 1);
    }
}

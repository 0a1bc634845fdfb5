using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StudioApi.Tests.Features.Sales.Invoices;
using StudioApi.Tests.Infrastructure;
using static StudioApi.Tests.Features.Sales.Invoices.InvoiceKit;

namespace StudioApi.Tests.Features.Sales.Payments;

public sealed class PaymentTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    /// <summary>An invoice of the session fee (50.00, untaxed) to pay.</summary>
    async Task<(HttpClient Admin, Shop Shop, InvoiceBody Invoice, long Cash)> SaleAsync()
    {
        var admin = await app.AdminAsync();
        await admin.SetTaxAsync();
        var shop = await admin.OpenShopAsync(photos: 0);
        var invoice = await admin.CreateInvoiceAsync(new { clientId = shop.ClientId, priceListId = shop.ListId, lines = new[] { new { itemId = shop.Fee } } });
        return (admin, shop, invoice, await admin.MethodAsync("Cash"));
    }

    [Fact]
    public async Task A_payment_needs_an_idempotency_key_and_a_retry_under_it_is_the_same_payment()
    {
        var (admin, _, invoice, cash) = await SaleAsync();

        var missing = await (await admin.PayAsync(invoice.Id, new { amount = 1000, methodId = cash }, key: null)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        missing.FieldErrors().ShouldContain("Idempotency-Key");
        (await admin.InvoiceAsync(invoice.Id)).Paid.ShouldBe(0);

        var key = Guid.NewGuid().ToString();
        var first = await (await admin.PayAsync(invoice.Id, new { amount = 1000, methodId = cash }, key)).ShouldBeAsync<PaymentBody>(HttpStatusCode.Created);
        var retry = await admin.PayAsync(invoice.Id, new { amount = 1000, methodId = cash }, key);
        (await retry.ShouldBeAsync<PaymentBody>(HttpStatusCode.Created)).Id.ShouldBe(first.Id);
        retry.Headers.GetValues("Idempotent-Replayed").Single().ShouldBe("true");
        (await admin.PayAsync(invoice.Id, new { amount = 2000, methodId = cash }, key)).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);

        var after = await admin.InvoiceAsync(invoice.Id);
        (after.Paid, after.Balance).ShouldBe((1000L, FeePrice - 1000));
        (first.InvoicePaid, first.InvoiceBalance).ShouldBe((1000L, FeePrice - 1000));
    }

    [Fact]
    public async Task Two_payments_racing_under_one_key_take_one_payment()
    {
        var (admin, _, invoice, cash) = await SaleAsync();
        var key = Guid.NewGuid().ToString();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => admin.PayAsync(invoice.Id, new { amount = 700, methodId = cash }, key)));

        answers.ShouldAllBe(a => a.StatusCode == HttpStatusCode.Created || a.StatusCode == HttpStatusCode.Conflict);
        var ids = new HashSet<long>();
        foreach (var answer in answers.Where(a => a.StatusCode == HttpStatusCode.Created))
            ids.Add((await answer.ShouldBeAsync<PaymentBody>(HttpStatusCode.Created)).Id);
        ids.Count.ShouldBe(1);
        var payments = await (await admin.GetAsync($"/api/v1/payments?invoiceId={invoice.Id}")).ShouldBeAsync<Page<PaymentBody>>(HttpStatusCode.OK);
        payments.Items.Count.ShouldBe(1);
        (await admin.InvoiceAsync(invoice.Id)).Paid.ShouldBe(700);
    }

    [Fact]
    public async Task An_overpayment_is_refused_unless_the_excess_is_kept_as_credit_which_pays_another_invoice()
    {
        var (admin, shop, invoice, cash) = await SaleAsync();

        var refused = await (await admin.PayAsync(invoice.Id, new { amount = FeePrice + 500, methodId = cash })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        refused.GetProperty("balance").GetInt64().ShouldBe(FeePrice);
        var kept = await (await admin.PayAsync(invoice.Id, new { amount = FeePrice + 500, methodId = cash, takeExcessAsCredit = true })).ShouldBeAsync<PaymentBody>(HttpStatusCode.Created);
        (kept.ToClientCredit, kept.InvoicePaid, kept.InvoiceBalance).ShouldBe((500L, FeePrice, 0L));
        var balance = await (await admin.GetAsync($"/api/v1/clients/{shop.ClientId}/balance")).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        (balance.GetProperty("creditBalance").GetInt64(), balance.GetProperty("outstandingBalance").GetInt64()).ShouldBe((500L, 0L));

        var next = await admin.CreateInvoiceAsync(new { clientId = shop.ClientId, priceListId = shop.ListId, lines = new[] { new { itemId = shop.Digital } } });
        (await admin.PayAsync(next.Id, new { amount = 600, fromClientCredit = true })).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var fromCredit = await (await admin.PayAsync(next.Id, new { amount = 500, fromClientCredit = true })).ShouldBeAsync<PaymentBody>(HttpStatusCode.Created);
        (fromCredit.MethodId, fromCredit.InvoiceBalance).ShouldBe((null, DigitalPrice - 500));
        (await (await admin.GetAsync($"/api/v1/clients/{shop.ClientId}/balance")).ShouldBeAsync<JsonElement>(HttpStatusCode.OK))
            .GetProperty("creditBalance").GetInt64().ShouldBe(0);
        // The credit is spent: the payment that left it cannot be voided until the one made from it is.
        (await admin.PostAsJsonAsync($"/api/v1/payments/{kept.Id}/void", new { reason = "Mistake" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Refunds_never_exceed_what_a_payment_put_toward_its_invoice_and_the_balance_follows()
    {
        var (admin, _, invoice, cash) = await SaleAsync();
        var payment = await admin.PaidAsync(invoice.Id, 3000, cash);

        (await admin.RefundAsync(payment.Id, 3001)).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var refund = await (await admin.RefundAsync(payment.Id, 1000)).ShouldBeAsync<PaymentBody>(HttpStatusCode.Created);
        (refund.Kind, refund.RefundOfPaymentId, refund.InvoicePaid, refund.InvoiceBalance).ShouldBe(("refund", payment.Id, 2000L, FeePrice - 2000));
        var problem = await (await admin.RefundAsync(payment.Id, 2001)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("refundable").GetInt64().ShouldBe(2000);
        (await admin.RefundAsync(refund.Id, 1)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await (await admin.RefundAsync(payment.Id, 100, key: null)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldContain("Idempotency-Key");

        (await admin.PostAsJsonAsync($"/api/v1/payments/{payment.Id}/void", new { reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await admin.PostAsJsonAsync($"/api/v1/payments/{refund.Id}/void", new { reason = "Refund entered by mistake" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var read = await (await admin.GetAsync($"/api/v1/payments/{payment.Id}")).ShouldBeAsync<PaymentBody>(HttpStatusCode.OK);
        (read.Refunded, read.InvoicePaid).ShouldBe((0L, 3000L));
    }

    [Fact]
    public async Task Two_refunds_racing_for_one_payment_never_give_back_more_than_was_paid()
    {
        var (admin, _, invoice, cash) = await SaleAsync();
        var payment = await admin.PaidAsync(invoice.Id, 3000, cash);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => admin.RefundAsync(payment.Id, 1200)));

        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(2);
        answers.Where(a => a.StatusCode != HttpStatusCode.Created).ShouldAllBe(a => a.StatusCode == HttpStatusCode.UnprocessableEntity);
        var after = await admin.InvoiceAsync(invoice.Id);
        (after.Paid, after.Balance).ShouldBe((600L, FeePrice - 600));
    }

    [Fact]
    public async Task A_method_that_needs_a_reference_gets_one_and_an_unknown_or_inactive_method_is_refused()
    {
        var (admin, _, invoice, _) = await SaleAsync();
        var check = await admin.MethodAsync("Check");

        (await (await admin.PayAsync(invoice.Id, new { amount = 100, methodId = check })).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["reference"]);
        (await admin.PayAsync(invoice.Id, new { amount = 100, methodId = check, reference = "1042" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await (await admin.PayAsync(invoice.Id, new { amount = 100, methodId = 999_999 })).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["methodId"]);
        (await (await admin.PayAsync(invoice.Id, new { amount = 0, methodId = check, reference = "1" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["amount"]);
        (await (await admin.PayAsync(invoice.Id, new { amount = 100 })).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["methodId"]);
        (await admin.PayAsync(999_999, new { amount = 100, methodId = check, reference = "1" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_payment_plan_of_a_deposit_and_instalments_reads_paid_open_and_past_due_and_overdue_ones_are_listed()
    {
        var (admin, shop, invoice, cash) = await SaleAsync();
        var today = invoice.Date;
        var planned = await (await admin.SendAsync(SalesKit.Put($"/api/v1/invoices/{invoice.Id}/payment-plan", new
        {
            deposit = new { percent = "25", dueDate = today.AddDays(-40) },
            instalments = new[] { new { dueDate = today.AddDays(-10) }, new { dueDate = today.AddDays(20) }, new { dueDate = today.AddDays(50) } },
        }, invoice.Version))).ShouldBeAsync<InvoiceBody>(HttpStatusCode.OK);
        // 25% of 50.00 is 12.50; the 37.50 left shares into 12.50 each.
        planned.PaymentPlan.Select(x => (x.Kind, x.Amount, x.State)).ShouldBe([("deposit", 1250L, "pastDue"), ("instalment", 1250L, "pastDue"), ("instalment", 1250L, "open"), ("instalment", 1250L, "open")]);

        await admin.PaidAsync(invoice.Id, 2000, cash);
        var partly = await admin.InvoiceAsync(invoice.Id);
        partly.PaymentPlan.Select(x => (x.AmountPaid, x.State)).ShouldBe([(1250L, "paid"), (750L, "pastDue"), (0L, "open"), (0L, "open")]);
        var overdue = await (await admin.GetAsync($"/api/v1/overdue-instalments?clientId={shop.ClientId}")).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        var row = overdue.GetProperty("items").EnumerateArray().Single();
        (row.GetProperty("invoiceId").GetInt64(), row.GetProperty("outstanding").GetInt64(), row.GetProperty("daysPastDue").GetInt32()).ShouldBe((invoice.Id, 500L, 10));

        var uneven = await (await admin.SendAsync(SalesKit.Put($"/api/v1/invoices/{invoice.Id}/payment-plan", new
        {
            instalments = new[] { new { dueDate = today, amount = (long?)1000 }, new { dueDate = today.AddDays(30), amount = (long?)1000 } },
        }, partly.Version))).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        uneven.GetProperty("detail").GetString()!.ShouldContain("5000");
        await (await admin.SendAsync(SalesKit.Put($"/api/v1/invoices/{invoice.Id}/payment-plan", new { deposit = new { percent = "10", amount = 100 } }, partly.Version)))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await admin.SendAsync(SalesKit.Delete($"/api/v1/invoices/{invoice.Id}/payment-plan", partly.Version))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.InvoiceAsync(invoice.Id)).PaymentPlan.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_deposit_is_set_when_booking_sells_the_session_fee()
    {
        var admin = await app.AdminAsync();
        await admin.SetTaxAsync();
        var shop = await admin.OpenShopAsync(photos: 0);

        var fee = await admin.CreateInvoiceAsync(new
        {
            sessionId = shop.SessionId, priceListId = shop.ListId, lines = new[] { new { itemId = shop.Fee } },
            paymentPlan = new { deposit = new { amount = 2000 }, instalments = new[] { new { dueDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)) } } },
        });

        fee.PaymentPlan.Select(x => (x.Kind, x.Amount)).ShouldBe([("deposit", 2000L), ("instalment", 3000L)]);
        fee.PaymentPlan[0].DueDate.ShouldBe(fee.Date);
    }

    [Fact]
    public async Task The_clients_outstanding_balance_and_the_aging_report_add_up_what_is_owed_by_age()
    {
        var admin = await app.AdminAsync();
        await admin.SetTaxAsync();
        var shop = await admin.OpenShopAsync(photos: 0);
        var today = (await admin.CreateInvoiceAsync(new { clientId = shop.ClientId, priceListId = shop.ListId, lines = new[] { new { itemId = shop.Digital } } })).Date;
        async Task<InvoiceBody> Dated(int daysAgo) =>
            await admin.CreateInvoiceAsync(new { clientId = shop.ClientId, priceListId = shop.ListId, date = today.AddDays(-daysAgo), lines = new[] { new { itemId = shop.Digital } } });
        await Dated(45);
        var paid = await Dated(70);
        await Dated(200);
        await admin.PaidAsync(paid.Id, DigitalPrice, await admin.MethodAsync("Cash"));
        await admin.CreateInvoiceAsync(new { clientId = shop.ClientId, priceListId = shop.ListId, type = "estimate", lines = new[] { new { itemId = shop.Fee } } });

        var client = await (await admin.GetAsync($"/api/v1/clients/{shop.ClientId}")).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        client.GetProperty("flags").GetProperty("outstandingBalance").GetInt64().ShouldBe(3 * DigitalPrice);
        var balance = await (await admin.GetAsync($"/api/v1/clients/{shop.ClientId}/balance")).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        var aging = balance.GetProperty("aging");
        (aging.GetProperty("days0To30").GetInt64(), aging.GetProperty("days31To60").GetInt64(), aging.GetProperty("days61To90").GetInt64(), aging.GetProperty("over90").GetInt64())
            .ShouldBe((DigitalPrice, DigitalPrice, 0L, DigitalPrice));

        var report = await (await admin.GetAsync($"/api/v1/receivables/aging?asOf={today:yyyy-MM-dd}&limit=200")).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        var mine = report.GetProperty("clients").EnumerateArray().Single(c => c.GetProperty("clientId").GetInt64() == shop.ClientId);
        mine.GetProperty("aging").GetProperty("total").GetInt64().ShouldBe(3 * DigitalPrice);
        report.GetProperty("totals").GetProperty("total").GetInt64().ShouldBeGreaterThanOrEqualTo(3 * DigitalPrice);
        // Thirty days on, the newest invoice is still in its first bucket; the 45-day one has moved on.
        var later = await (await admin.GetAsync($"/api/v1/receivables/aging?asOf={today.AddDays(30):yyyy-MM-dd}&limit=200")).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        var moved = later.GetProperty("clients").EnumerateArray().Single(c => c.GetProperty("clientId").GetInt64() == shop.ClientId).GetProperty("aging");
        (moved.GetProperty("days0To30").GetInt64(), moved.GetProperty("days61To90").GetInt64(), moved.GetProperty("over90").GetInt64()).ShouldBe((DigitalPrice, DigitalPrice, DigitalPrice));

        var listed = await (await admin.GetAsync($"/api/v1/clients?q={Uri.EscapeDataString(client.GetProperty("lastName").GetString()!)}")).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        listed.GetProperty("items")[0].GetProperty("flags").GetProperty("outstandingBalance").GetInt64().ShouldBe(3 * DigitalPrice);
        (await (await app.AsRoleAsync(StudioApi.Platform.Auth.UserRole.Sales)).GetAsync("/api/v1/receivables/aging")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Invoices_made_at_once_get_numbers_of_their_own()
    {
        var admin = await app.AdminAsync();
        var shop = await admin.OpenShopAsync(photos: 0);

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            admin.PostInvoiceAsync(new { clientId = shop.ClientId, priceListId = shop.ListId, lines = new[] { new { itemId = shop.Fee } } })));

        var numbers = new List<int>();
        foreach (var answer in answers)
            numbers.Add((await answer.ShouldBeAsync<InvoiceBody>(HttpStatusCode.Created)).Number);
        numbers.Distinct().Count().ShouldBe(8);
    }
}

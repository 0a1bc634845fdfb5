using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StudioApi.Platform.Auth;
using StudioApi.Tests.Infrastructure;
using UglyToad.PdfPig;
using static StudioApi.Tests.Features.Sales.Invoices.InvoiceKit;

namespace StudioApi.Tests.Features.Sales.Invoices;

/// <summary>Estimates converted, credit memos, voids, the recycle bin, notes, statuses and the printed document.</summary>
public sealed class InvoiceLifecycleTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    [Fact]
    public async Task An_estimate_converts_once_to_the_order_it_quoted_at_its_prices()
    {
        var admin = await app.AdminAsync();
        await admin.SetTaxAsync(rates: ("Tax", "5"));
        var shop = await admin.OpenShopAsync();
        await admin.CreateInvoiceAsync(new { sessionId = shop.SessionId, priceListId = shop.ListId, lines = new[] { new { itemId = shop.Fee } } });
        var estimate = await admin.CreateInvoiceAsync(new
        {
            sessionId = shop.SessionId, priceListId = shop.ListId, type = "estimate",
            lines = new object[] { new { itemId = shop.Print, quantity = 2, imageId = shop.Images[0], crop = PortraitCrop, discountPercent = "10" } },
        });
        (estimate.Balance, estimate.Total).ShouldBe((0L, 3780L));
        (await admin.PayAsync(estimate.Id, new { amount = 100, methodId = await admin.MethodAsync("Cash") })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var item = await admin.GetItemAsync(shop.Print);
        (await admin.SendAsync(SalesKit.Put($"/api/v1/price-list-items/{item.Id}", SalesKit.Print(shop.GroupId, "8x10", 3000, "4:5"), item.Version))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var order = await (await admin.PostAsync($"/api/v1/invoices/{estimate.Id}/convert", null)).ShouldBeAsync<InvoiceBody>(HttpStatusCode.Created);
        (order.Type, order.ConvertedFromEstimateId, order.Total, order.Balance).ShouldBe(("initialOrder", estimate.Id, 3780L, 3780L));
        order.Lines.Single().UnitPrice.ShouldBe(PrintPrice);
        order.Lines.Single().Crop.ShouldNotBeNull();
        (await admin.InvoiceAsync(estimate.Id)).ConvertedToInvoiceId.ShouldBe(order.Id);
        (await admin.PostAsync($"/api/v1/invoices/{estimate.Id}/convert", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await admin.PostAsync($"/api/v1/invoices/{order.Id}/convert", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await admin.SetTaxAsync();
    }

    [Fact]
    public async Task A_credit_memo_credits_lines_as_sold_never_beyond_the_invoice_and_lowers_its_balance()
    {
        var admin = await app.AdminAsync();
        await admin.SetTaxAsync(rates: ("Tax", "8"));
        var shop = await admin.OpenShopAsync(photos: 0);
        var invoice = await admin.CreateInvoiceAsync(new
        {
            clientId = shop.ClientId, priceListId = shop.ListId,
            lines = new object[] { new { itemId = shop.Digital, quantity = 4, discountPercent = "25" }, new { itemId = shop.Fee } },
        });
        // Files: 60.00 less 15.00, taxed 3.60; fee 50.00, taxed 4.00.
        invoice.Total.ShouldBe(4500 + 360 + 5000 + 400);
        var files = invoice.Lines[0];

        var memo = await (await admin.PostAsJsonAsync($"/api/v1/invoices/{invoice.Id}/credit-memos", new { reason = "One file was blurred", lines = new[] { new { lineId = files.Id, quantity = 1 } } }))
            .ShouldBeAsync<InvoiceBody>(HttpStatusCode.Created);
        (memo.Type, memo.CreditsInvoiceId, memo.Number > invoice.Number).ShouldBe(("creditMemo", invoice.Id, true));
        // A quarter of the line: 15.00 less 3.75, with its tax 0.90.
        memo.Lines.Single().ShouldSatisfyAllConditions(l => l.Gross.ShouldBe(1500), l => l.Discount.ShouldBe(375), l => l.Tax.ShouldBe(90), l => l.CreditsLineId.ShouldBe(files.Id));
        (memo.Total, memo.Balance).ShouldBe((1215L, 0L));
        var credited = await admin.InvoiceAsync(invoice.Id);
        (credited.Credited, credited.Balance).ShouldBe((1215L, invoice.Total - 1215));

        var tooMany = await (await admin.PostAsJsonAsync($"/api/v1/invoices/{invoice.Id}/credit-memos", new { reason = "More", lines = new[] { new { lineId = files.Id, quantity = 4 } } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        tooMany.FieldErrors().ShouldBe(["lines[0].quantity"]);
        var tooMuch = await (await admin.PostAsJsonAsync($"/api/v1/invoices/{invoice.Id}/credit-memos", new { reason = "Goodwill", amount = invoice.Total }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        tooMuch.GetProperty("detail").GetString()!.ShouldContain("more");
        (await admin.PostAsJsonAsync($"/api/v1/invoices/{memo.Id}/credit-memos", new { reason = "x", amount = 1 })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await (await admin.GetAsync($"/api/v1/invoices/{memo.Id}/notes")).ShouldBeAsync<JsonElement>(HttpStatusCode.OK))
            .GetProperty("items")[0].GetProperty("text").GetString()!.ShouldContain("One file was blurred");

        // Crediting all that is left brings the balance to 0 exactly; a void memo gives its credit back.
        var rest = await (await admin.PostAsJsonAsync($"/api/v1/invoices/{invoice.Id}/credit-memos", new
        {
            reason = "Cancelled order", lines = new object[] { new { lineId = files.Id, quantity = 3 }, new { lineId = invoice.Lines[1].Id, quantity = 1 } },
        })).ShouldBeAsync<InvoiceBody>(HttpStatusCode.Created);
        (await admin.InvoiceAsync(invoice.Id)).Balance.ShouldBe(0);
        (await admin.PostAsJsonAsync($"/api/v1/invoices/{invoice.Id}/void", new { reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await admin.PostAsJsonAsync($"/api/v1/invoices/{rest.Id}/void", new { reason = "Order went ahead" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.InvoiceAsync(invoice.Id)).Balance.ShouldBe(invoice.Total - 1215);
        await admin.SetTaxAsync();
    }

    [Fact]
    public async Task A_void_invoice_owes_nothing_stays_on_record_and_is_refused_while_money_is_paid_on_it()
    {
        var admin = await app.AdminAsync();
        var staff = await app.AsRoleAsync(UserRole.Staff);
        var shop = await admin.OpenShopAsync(photos: 0);
        var invoice = await admin.CreateInvoiceAsync(new { clientId = shop.ClientId, priceListId = shop.ListId, lines = new[] { new { itemId = shop.Fee } } });
        var payment = await admin.PaidAsync(invoice.Id, 2000, await admin.MethodAsync("Cash"));

        (await staff.PostAsJsonAsync($"/api/v1/invoices/{invoice.Id}/void", new { reason = "Wrong client" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await staff.PostAsJsonAsync($"/api/v1/payments/{payment.Id}/void", new { reason = "Wrong client" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var voided = await (await staff.PostAsJsonAsync($"/api/v1/invoices/{invoice.Id}/void", new { reason = "Wrong client" })).ShouldBeAsync<InvoiceBody>(HttpStatusCode.OK);

        (voided.Balance, voided.Total, voided.VoidReason, voided.VoidedAt is not null).ShouldBe((0L, FeePrice, "Wrong client", true));
        (await staff.PostAsJsonAsync($"/api/v1/invoices/{invoice.Id}/void", new { reason = "Again" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await admin.PayAsync(invoice.Id, new { amount = 100, methodId = await admin.MethodAsync("Cash") })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await admin.InvoiceListAsync($"/api/v1/invoices?clientId={shop.ClientId}&voided=true")).Select(i => i.Id).ShouldBe([invoice.Id]);
        (await (await admin.PostAsJsonAsync($"/api/v1/invoices/{invoice.Id}/void", new { reason = "" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldErrors().ShouldBe(["reason"]);
    }

    [Fact]
    public async Task An_invoice_made_by_mistake_goes_to_the_recycle_bin_and_back_but_money_on_record_is_never_deleted()
    {
        var admin = await app.AdminAsync();
        var shop = await admin.OpenShopAsync(photos: 0);
        var mistake = await admin.CreateInvoiceAsync(new { clientId = shop.ClientId, priceListId = shop.ListId, lines = new[] { new { itemId = shop.Fee } } });
        var paid = await admin.CreateInvoiceAsync(new { clientId = shop.ClientId, priceListId = shop.ListId, lines = new[] { new { itemId = shop.Fee } } });
        await admin.PaidAsync(paid.Id, 100, await admin.MethodAsync("Cash"));
        var paidNow = await admin.InvoiceAsync(paid.Id);

        (await admin.SendAsync(SalesKit.Delete($"/api/v1/invoices/{mistake.Id}", mistake.Version))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var blocked = await (await admin.SendAsync(SalesKit.Delete($"/api/v1/invoices/{paid.Id}", paidNow.Version))).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        blocked.GetProperty("blockers").GetArrayLength().ShouldBe(1);
        (await admin.GetAsync($"/api/v1/invoices/{mistake.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.InvoiceListAsync("/api/v1/invoices?deleted=true")).Select(i => i.Id).ShouldContain(mistake.Id);
        (await admin.InvoiceListAsync($"/api/v1/invoices?clientId={shop.ClientId}")).Select(i => i.Id).ShouldBe([paid.Id]);

        var restored = await (await admin.PostAsync($"/api/v1/invoices/{mistake.Id}/restore", null)).ShouldBeAsync<InvoiceBody>(HttpStatusCode.OK);
        (restored.Number, restored.DeletedAt).ShouldBe((mistake.Number, null));
        (await admin.PostAsync($"/api/v1/invoices/{mistake.Id}/restore", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Invoices_move_through_their_workflow_keep_a_notes_log_and_appear_at_the_hubs_stages()
    {
        var admin = await app.AdminAsync();
        var kiosk = await app.AsRoleAsync(UserRole.Sales);
        var photographer = await app.AsRoleAsync(UserRole.Photographer);
        var shop = await admin.OpenShopAsync(photos: 0);
        var invoice = await kiosk.CreateInvoiceAsync(new { sessionId = shop.SessionId, priceListId = shop.ListId, lines = new[] { new { itemId = shop.Fee } } });
        var counter = await admin.CreateInvoiceAsync(new { clientId = shop.ClientId, priceListId = shop.ListId, lines = new[] { new { itemId = shop.Fee } } });

        var advanced = await kiosk.PostAsJsonAsync($"/api/v1/invoices/{invoice.Id}/status-changes", new { advance = true, note = "Sent to the lab" });
        advanced.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.InvoiceAsync(invoice.Id)).Status!.Description.ShouldBe("In Production");
        (await kiosk.PostAsJsonAsync($"/api/v1/invoices/{invoice.Id}/notes", new { text = "Client wants matte" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await kiosk.PostAsJsonAsync($"/api/v1/invoices/{counter.Id}/notes", new { text = "Not mine" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await photographer.PostAsJsonAsync($"/api/v1/invoices/{invoice.Id}/notes", new { text = "No" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var production = await (await admin.GetAsync("/api/v1/workflow/stages/production/records?kind=invoice&limit=200")).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        production.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("recordId").GetInt64()).ShouldContain(invoice.Id);
        // Lists of the workflow show a caller only the invoices it may see.
        var ordering = await (await kiosk.GetAsync("/api/v1/workflow/stages/ordering/records?kind=invoice&limit=200")).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        ordering.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("recordId").GetInt64()).ShouldNotContain(counter.Id);
        var none = await (await photographer.GetAsync("/api/v1/workflow/stages/ordering/records?kind=invoice")).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        none.GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task The_printed_invoice_is_on_the_studios_letterhead_with_its_lines_totals_and_payments_and_text_stays_text()
    {
        var admin = await app.AdminAsync();
        await admin.SetTaxAsync(rates: ("Sales tax", "8.25"));
        var shop = await admin.OpenShopAsync(photos: 0);
        var settings = await (await admin.GetAsync("/api/v1/settings")).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        var invoice = await admin.CreateInvoiceAsync(new { clientId = shop.ClientId, priceListId = shop.ListId, lines = new[] { new { itemId = shop.Digital, quantity = 2 } } });
        await admin.PaidAsync(invoice.Id, 1000, await admin.MethodAsync("Check"), reference: "<b>1042</b>");

        var response = await admin.GetAsync($"/api/v1/invoices/{invoice.Id}/document");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain(settings.GetProperty("name").GetString()!);
        html.ShouldContain($"Invoice {invoice.Number}");
        html.ShouldContain("Digital file");
        html.ShouldContain("USD 30.00");
        html.ShouldContain("USD 2.48");
        html.ShouldContain("USD 32.48");
        html.ShouldContain("USD 22.48");
        html.ShouldContain("&lt;b&gt;1042&lt;/b&gt;");
        html.ShouldNotContain("<b>1042</b>");
        await admin.SetTaxAsync();
    }

    [Fact]
    public async Task The_invoice_document_comes_as_a_pdf_on_the_letterhead_with_totals_payments_balance_and_plan_by_format_or_accept()
    {
        var admin = await app.AdminAsync();
        await admin.SetTaxAsync(rates: ("Sales tax", "8.25"));
        var shop = await admin.OpenShopAsync(photos: 0);
        var settings = await (await admin.GetAsync("/api/v1/settings")).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        var invoice = await admin.CreateInvoiceAsync(new
        {
            clientId = shop.ClientId, priceListId = shop.ListId, lines = new[] { new { itemId = shop.Digital, quantity = 2 } },
            paymentPlan = new { deposit = new { amount = 1000 }, instalments = new[] { new { dueDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)) } } },
        });
        await admin.PaidAsync(invoice.Id, 1000, await admin.MethodAsync("Check"), reference: "CHK-1042");

        var byFormat = await admin.GetAsync($"/api/v1/invoices/{invoice.Id}/document?format=pdf");
        var accepting = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/invoices/{invoice.Id}/document");
        accepting.Headers.Accept.ParseAdd("application/pdf");
        var byAccept = await admin.SendAsync(accepting);
        var browser = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/invoices/{invoice.Id}/document");
        browser.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");

        foreach (var response in new[] { byFormat, byAccept })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
            using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
            var text = string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
            text.ShouldContain(settings.GetProperty("name").GetString()!.Split(' ')[0]);
            text.ShouldContain($"Invoice {invoice.Number}");
            text.ShouldContain("Digital file");
            text.ShouldContain("Total USD 32.48");
            text.ShouldContain("Balance due USD 22.48");
            text.ShouldContain("CHK-1042");
            text.ShouldContain("Deposit USD 10.00 Paid");
        }
        (await admin.SendAsync(browser)).Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var wrong = await admin.GetAsync($"/api/v1/invoices/{invoice.Id}/document?format=docx");
        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await admin.SetTaxAsync();
    }
}

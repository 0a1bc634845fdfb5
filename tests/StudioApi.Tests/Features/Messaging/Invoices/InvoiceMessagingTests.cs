using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using StudioApi.Platform.Auth;
using StudioApi.Tests.Features.Messaging.Triggers;
using StudioApi.Tests.Features.Sales;
using StudioApi.Tests.Features.Sales.Invoices;
using StudioApi.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace StudioApi.Tests.Features.Messaging.Invoices;

/// <summary>Where sales meet messaging: invoice merge fields and templates, invoices linked and attached, the wizard's invoices with a balance, and triggers at invoice and instalment dates.</summary>
public sealed class InvoiceMessagingTests(MessagingApi api) : IClassFixture<MessagingApi>
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>A price list with a session fee (5000) and a print (2000), made once per test.</summary>
    static async Task<(long List, long Fee, long Print)> ShopAsync(HttpClient admin)
    {
        var list = await admin.CreateListAsync();
        var group = await admin.CreateGroupAsync(list.Id, "Fees");
        var fee = await admin.CreateItemAsync(list.Id, new { groupId = group.Id, code = "FEE", description = "Session fee", type = "sessionFee", price = 5000 });
        var print = await admin.CreateItemAsync(list.Id, new { groupId = group.Id, code = "P810", description = "8x10 print", type = "standard", price = 2000 });
        return (list.Id, fee.Id, print.Id);
    }

    static async Task<InvoiceBody> InvoiceAsync(HttpClient admin, long client, (long List, long Fee, long Print) shop, string? date = null, object? paymentPlan = null) =>
        await admin.CreateInvoiceAsync(new
        {
            clientId = client, priceListId = shop.List, date,
            lines = new object[] { new { itemId = shop.Fee }, new { itemId = shop.Print, quantity = 2 } }, paymentPlan,
        });

    [Fact]
    public async Task An_invoice_template_merges_the_invoice_its_lines_and_payment_link_and_other_record_types_cannot_name_it()
    {
        var admin = await api.AdminAsync();
        await api.ConfigureAsync(s => s.PaymentPageUrl = "https://pay.lakeside.example/invoices/{invoiceNumber}?amount={amountDue}");
        var shop = await ShopAsync(admin);
        var client = await admin.NewClientAsync("Ivy", MessagingKit.Unique("Voice"), email: $"{Guid.NewGuid():N}@example.com");
        var invoice = await InvoiceAsync(admin, client, shop, paymentPlan: new { deposit = new { amount = 3000 }, instalments = new[] { new { dueDate = "2031-01-15" } } });
        await admin.PaidAsync(invoice.Id, 1000, await admin.MethodAsync("Cash"));

        var template = await admin.NewTemplateAsync(MessagingKit.Unique("Invoice"), """
            Invoice {{ invoice.number }} ({{ invoice.type }}) for {{ client.displayName }}: {{ invoice.totalText }}, paid {{ invoice.paidText }}, balance {{ invoice.balanceText }}.
            {% for line in invoice.lines %}{{ line.quantity }} x {{ line.description }} = {{ line.totalText }}
            {% endfor %}{% if invoice.balance > 50 %}Due now: {{ invoice.amountDueText }} by {{ invoice.dueDate }}.{% endif %}
            {% for x in invoice.instalments %}{{ x.kind }} {{ x.amountText }} {{ x.state }}; {% endfor %}
            Pay at {{ links.payment }}
            """, recordType: "invoice", subject: "Invoice {{ invoice.number }} from {{ studio.name }}");

        var preview = await admin.PreviewAsync(template.Id, invoice.Id);

        preview.Subject.ShouldStartWith($"Invoice {invoice.Number} from ");
        preview.Body.ShouldContain($"Invoice {invoice.Number} (Reorder)"); // no session: a reorder
        preview.Body.ShouldContain("USD 90.00, paid USD 10.00, balance USD 80.00.");
        preview.Body.ShouldContain("2 x 8x10 print = USD 40.00");
        preview.Body.ShouldContain("Due now: USD 20.00 by");
        preview.Body.ShouldContain("Deposit USD 30.00 Open; Instalment USD 60.00 Open;");
        preview.Body.ShouldContain($"Pay at https://pay.lakeside.example/invoices/{invoice.Number}?amount=20.00");
        (await admin.PreviewAsync(template.Id, null)).Body.ShouldContain("Invoice 3001");
        (await admin.PostAsJsonAsync($"{MessagingKit.Templates}/{template.Id}/preview", new { recordId = 987654321 }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var fields = await (await admin.GetAsync($"{MessagingKit.Templates}/merge-fields?recordType=invoice")).ShouldBeAsync<MergeFieldList>(HttpStatusCode.OK);
        fields.Items.Select(f => f.Path).ShouldContain("invoice.amountDue");
        fields.Items.Select(f => f.Path).ShouldContain("links.payment");

        foreach (var (recordType, body, named) in new[]
                 {
                     ("invoice", "{{ invoice.nickname }}", "invoice.nickname"),
                     ("session", "{{ invoice.number }}", "invoice"),
                     ("client", "{{ links.payment }}", "links.payment"),
                 })
        {
            var refused = await admin.PostAsJsonAsync(MessagingKit.Templates, new { name = MessagingKit.Unique("Bad"), kind = "formLetter", recordType, body });
            var problem = await refused.ShouldBeAsync<JsonObject>(HttpStatusCode.BadRequest);
            problem.ToJsonString().ShouldContain(named);
        }
        await api.ConfigureAsync(s => s.PaymentPageUrl = null);
    }

    [Fact]
    public async Task A_communication_links_only_an_invoice_of_its_client_that_the_caller_sees_and_an_email_carries_the_invoice_as_a_pdf()
    {
        var admin = await api.AdminAsync();
        var shop = await ShopAsync(admin);
        var address = $"{Guid.NewGuid():N}@example.com";
        var client = await admin.NewClientAsync("Pia", MessagingKit.Unique("Pdf"), email: address);
        var other = await admin.NewClientAsync("Otto", MessagingKit.Unique("Other"));
        var invoice = await InvoiceAsync(admin, client, shop);
        var theirs = await InvoiceAsync(admin, other, shop);
        var photographer = await api.AsRoleAsync(UserRole.Photographer);

        foreach (var (caller, invoiceId) in new[] { (admin, 987654321L), (admin, theirs.Id), (photographer, invoice.Id) })
        {
            var refused = await caller.PostAsJsonAsync(CommunicationRequests.Url, new { kind = "call", clientId = client, invoiceId, dueDate = "2031-01-01" });
            var problem = await refused.ShouldBeAsync<JsonObject>(HttpStatusCode.BadRequest);
            problem["errors"]!.AsArray().Select(e => e!["name"]!.GetValue<string>()).ShouldContain("invoiceId");
        }
        (await admin.CommunicationsAsync($"clientId={client}&limit=200")).Items.ShouldBeEmpty();
        var withoutInvoice = await admin.PostAsJsonAsync(CommunicationRequests.Url, new
        {
            kind = "email", clientId = client, subject = "Your invoice", body = "Attached.", attachments = new[] { "invoiceDocument" },
        });
        (await withoutInvoice.ShouldBeAsync<JsonObject>(HttpStatusCode.BadRequest)).ToJsonString().ShouldContain("invoiceId");

        var queued = await admin.NewCommunicationAsync(new
        {
            kind = "email", clientId = client, invoiceId = invoice.Id, subject = "Your invoice", body = "Your invoice is attached.",
            attachments = new[] { "invoiceDocument" },
        });

        var received = await Eventually.ValueAsync(() => Task.FromResult(api.Smtp.To(address).SingleOrDefault()), Patience, () => "The e-mail never arrived.");
        var part = received.Attachments.OfType<MimeKit.MimePart>().ShouldHaveSingleItem();
        (part.FileName, part.ContentType.MimeType).ShouldBe(($"invoice-{invoice.Number}.pdf", "application/pdf"));
        using var bytes = new MemoryStream();
        await part.Content!.DecodeToAsync(bytes);
        using var pdf = PdfDocument.Open(bytes.ToArray());
        var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        text.ShouldContain($"Invoice {invoice.Number}");
        text.ShouldContain("Balance due USD 90.00");
        var stored = await (await admin.GetAsync($"{CommunicationRequests.Url}/{queued.Id}")).ShouldBeAsync<JsonObject>(HttpStatusCode.OK);
        stored["invoiceId"]!.GetValue<long>().ShouldBe(invoice.Id);
        stored["attachments"]!.AsArray().Single()!["kind"]!.GetValue<string>().ShouldBe("invoiceDocument");
    }

    [Fact]
    public async Task The_wizard_sends_an_invoice_template_to_the_invoices_with_a_balance_only()
    {
        var admin = await api.AdminAsync();
        var shop = await ShopAsync(admin);
        var day = $"2032-0{Random.Shared.Next(1, 10)}-{Random.Shared.Next(10, 29)}";
        var owing = await admin.NewClientAsync("Owen", MessagingKit.Unique("Owing"), email: $"{Guid.NewGuid():N}@example.com");
        var settled = await admin.NewClientAsync("Sally", MessagingKit.Unique("Settled"), email: $"{Guid.NewGuid():N}@example.com");
        var open = await InvoiceAsync(admin, owing, shop, day);
        var paid = await InvoiceAsync(admin, settled, shop, day);
        await admin.PaidAsync(paid.Id, paid.Total, await admin.MethodAsync("Cash"));
        var template = await admin.NewTemplateAsync(MessagingKit.Unique("Reminder"), "Invoice {{ invoice.number }} still owes {{ invoice.balanceText }}.",
            recordType: "invoice", subject: "A reminder");
        var send = new { templateId = template.Id, channel = "email", filter = new { recordType = "invoice", invoiceDateFrom = day, invoiceDateTo = day } };

        var preview = await (await admin.PostAsJsonAsync("/api/v1/communication-batches/preview", send)).ShouldBeAsync<JsonObject>(HttpStatusCode.OK);

        preview["recordCount"]!.GetValue<int>().ShouldBe(1);
        preview["first"]!.AsArray().Single()!["body"]!.GetValue<string>().ShouldBe($"Invoice {open.Number} still owes USD 90.00.");
        var batch = await (await admin.PostAsJsonAsync("/api/v1/communication-batches", send)).ShouldBeAsync<JsonObject>(HttpStatusCode.Accepted);
        await Eventually.ValueAsync(async () =>
        {
            var state = (await (await admin.GetAsync($"/api/v1/communication-batches/{batch["id"]}")).ShouldBeAsync<JsonObject>(HttpStatusCode.OK))["state"]!.GetValue<string>();
            return state == "done" ? state : null;
        }, Patience, () => "The batch never finished.");
        (await admin.CommunicationsAsync($"clientId={owing}&limit=200")).Items.ShouldHaveSingleItem().Body!.ShouldContain($"Invoice {open.Number}");
        (await admin.CommunicationsAsync($"clientId={settled}&limit=200")).Items.ShouldBeEmpty();

        var sessionTemplate = await admin.NewTemplateAsync(MessagingKit.Unique("Session"), "{{ session.number }}");
        var wrong = await admin.PostAsJsonAsync("/api/v1/communication-batches/preview", new
        {
            templateId = template.Id, channel = "email", filter = new { recordType = "client" },
        });
        (await wrong.ShouldBeAsync<JsonObject>(HttpStatusCode.BadRequest)).ToJsonString().ShouldContain("filter.recordType");
        var mixed = await admin.PostAsJsonAsync("/api/v1/communication-batches/preview", new
        {
            templateId = sessionTemplate.Id, channel = "email", filter = new { recordType = "session", invoiceDateFrom = day },
        });
        (await mixed.ShouldBeAsync<JsonObject>(HttpStatusCode.BadRequest)).ToJsonString().ShouldContain("invoiceDateFrom");
    }

    [Fact]
    public async Task Triggers_fire_once_days_after_the_invoice_date_and_before_an_open_instalments_due_date_skipping_a_paid_one()
    {
        await api.QuietAsync();
        await api.SetTimeZoneAsync("America/Chicago");
        api.At("2026-06-01T12:00:00Z");
        var admin = await api.AdminAsync();
        var shop = await ShopAsync(admin);
        var client = await admin.NewClientAsync("Tim", MessagingKit.Unique("Trigger"), email: $"{Guid.NewGuid():N}@example.com");
        var plan = new { deposit = new { amount = 2000 }, instalments = new[] { new { dueDate = "2026-06-10" } } };
        var open = await InvoiceAsync(admin, client, shop, "2026-06-01", plan);
        var settled = await InvoiceAsync(admin, client, shop, "2026-06-01", plan);
        await admin.PaidAsync(settled.Id, settled.Total, await admin.MethodAsync("Cash"));
        var template = await admin.NewTemplateAsync(MessagingKit.Unique("Instalment"), "{{ invoice.amountDueText }} of invoice {{ invoice.number }} is due {{ invoice.dueDate }}.",
            recordType: "invoice", subject: "Your next payment");
        var followUp = (await admin.NewTriggerAsync(new
        {
            name = MessagingKit.Unique("Invoice follow-up"), recordKind = "invoice", @event = "date", dateField = "invoiceDate", offsetDays = 3,
            timeOfDay = "09:00", actions = new[] { new { kind = "call", title = "How did the order go?" } },
        }))["id"]!.GetValue<long>();
        var reminder = (await admin.NewTriggerAsync(new
        {
            name = MessagingKit.Unique("Instalment reminder"), recordKind = "invoice", @event = "date", dateField = "instalmentDueDate", offsetDays = -2,
            timeOfDay = "09:00", actions = new[] { new { kind = "email", templateId = template.Id } },
        }))["id"]!.GetValue<long>();

        api.At("2026-06-04T13:59:00Z"); // 08:59 in Chicago: not yet
        await api.SweepAsync();
        (await admin.HistoryAsync(followUp)).ShouldBeEmpty();
        api.At("2026-06-04T14:00:00Z");
        await api.SweepAsync();
        await api.SweepAsync();
        (await admin.HistoryAsync(followUp)).Where(f => f.RecordId == open.Id || f.RecordId == settled.Id)
            .Select(f => (f.RecordId, f.Outcome, f.Occurrence)).Order()
            .ShouldBe(new[] { (open.Id, "fired", "date:2026-06-01"), (settled.Id, "fired", "date:2026-06-01") }.Order());
        (await admin.CommunicationsAsync($"clientId={client}&kind=call&limit=200")).Items.Count.ShouldBe(2);

        api.At("2026-06-08T14:00:00Z");
        await api.SweepAsync();
        await api.SweepAsync();
        var history = await admin.HistoryAsync(reminder);
        var fired = history.Single(f => f.RecordId == open.Id);
        (fired.Outcome, fired.DueAt).ShouldBe(("fired", DateTimeOffset.Parse("2026-06-08T14:00:00Z")));
        fired.Occurrence.ShouldStartWith("instalment:");
        var skipped = history.Single(f => f.RecordId == settled.Id);
        skipped.Outcome.ShouldBe("skipped");
        skipped.Detail.ShouldContain("is paid");
        // The deposit came due (2026-05-30, two days before the invoice date) before the trigger was active: nothing for it.
        history.Count(f => f.RecordId == open.Id || f.RecordId == settled.Id).ShouldBe(2);
        var email = (await admin.CommunicationsAsync($"clientId={client}&kind=email&limit=200")).Items.ShouldHaveSingleItem();
        email.Body.ShouldBe($"USD 20.00 of invoice {open.Number} is due 2026-06-01.");
        await api.QuietAsync();
    }

    [Fact]
    public async Task An_invoice_trigger_that_cannot_work_is_refused_with_the_field_named()
    {
        var admin = await api.AdminAsync();
        var invoiceTemplate = await admin.NewTemplateAsync(MessagingKit.Unique("Inv"), "{{ invoice.number }}", recordType: "invoice");
        var cases = new (object Body, string Field)[]
        {
            (new { name = MessagingKit.Unique("T"), recordKind = "session", @event = "date", dateField = "invoiceDate", timeOfDay = "09:00",
                actions = new[] { new { kind = "call" } } }, "dateField"),
            (new { name = MessagingKit.Unique("T"), recordKind = "client", @event = "creation",
                actions = new[] { new { kind = "email", templateId = (long?)invoiceTemplate.Id } } }, "actions[0].templateId"),
            (new { name = MessagingKit.Unique("T"), recordKind = "invoice", @event = "date", dateField = "sessionDate", timeOfDay = "09:00",
                actions = new[] { new { kind = "call" } } }, "dateField"),
        };
        foreach (var (body, field) in cases)
        {
            var problem = await (await admin.PostAsJsonAsync(TriggerKit.Url, body)).ShouldBeAsync<JsonObject>(HttpStatusCode.BadRequest);
            problem["errors"]!.AsArray().Select(e => e!["name"]!.GetValue<string>()).ShouldContain(field);
        }
    }
}

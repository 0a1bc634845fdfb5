using System.Net;
using System.Net.Http.Json;
using StudioApi.Tests.Features.Imaging.Images;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Sales.Invoices;

public sealed record LineCropBody(double X, double Y, double Width, double Height, string? AspectRatio);

public sealed record InvoiceLineBody(
    long Id, int Position, long? ItemId, string Code, string Description, string ItemType, int Quantity, long UnitPrice, bool Taxed,
    string? DiscountPercent, long? DiscountAmount, long Gross, long Discount, long Net, long Tax, long Total, long? ImageId, int? Rotation,
    LineCropBody? Crop, List<long> Poses, long? CreditsLineId);

public sealed record InvoiceTaxBody(string Name, string RatePercent, long Amount);

public sealed record CouponBody(long PromotionItemId, string CouponCode, string Description, long Discount);

public sealed record InstalmentBody(long Id, string Kind, DateOnly DueDate, long Amount, long AmountPaid, string State);

public sealed record InvoiceStatusBody(long Id, string Description);

public sealed record InvoiceBody(
    long Id, int Version, int Number, long ClientId, string ClientName, long? SessionId, string Type, DateOnly Date, long PriceListId,
    long? ShippingMethodId, bool TaxIncludedInPrices, List<InvoiceLineBody> Lines, List<InvoiceTaxBody> Taxes, List<CouponBody> Coupons,
    long Subtotal, long DiscountTotal, long TaxTotal, long Total, long Paid, long Credited, long Balance, List<InstalmentBody> PaymentPlan,
    long? CreditsInvoiceId, long? ConvertedToInvoiceId, long? ConvertedFromEstimateId, DateTimeOffset? VoidedAt, string? VoidReason,
    InvoiceStatusBody? Status, DateTimeOffset? DeletedAt);

public sealed record InvoiceSummaryBody(
    long Id, int Version, int Number, long ClientId, string ClientName, long? SessionId, string Type, DateOnly Date, long Total, long Paid,
    long Balance, bool Voided, long? StatusId, DateTimeOffset? DeletedAt);

public sealed record PaymentBody(
    long Id, int Version, long InvoiceId, long ClientId, string Kind, long Amount, long ToClientCredit, bool FromClientCredit, long? MethodId,
    DateOnly Date, string? Reference, long? RefundOfPaymentId, long Refunded, DateTimeOffset? VoidedAt, long InvoicePaid, long InvoiceBalance);

/// <summary>A shop to sell from: a price list with prints, a digital file, a session fee and a package, a client and a session with photos.</summary>
public sealed record Shop(long ListId, long GroupId, long Print, long Digital, long Fee, long Package, long ClientId, long SessionId, List<long> Images);

/// <summary>Price lists, sessions with photos, invoices and payments made through the API, each test under names of its own.</summary>
public static class InvoiceKit
{
    public const long PrintPrice = 2000, DigitalPrice = 1500, FeePrice = 5000, PackagePrice = 9900;

    /// <summary>A list (not a default: tests of one class share the app), its items, a client, a session and three 100 × 80 photos.</summary>
    public static async Task<Shop> OpenShopAsync(this HttpClient admin, int photos = 3)
    {
        var list = await admin.CreateListAsync();
        var group = await admin.CreateGroupAsync(list.Id, "Prints");
        var print = await admin.CreateItemAsync(list.Id, SalesKit.Print(group.Id, "8x10", PrintPrice, "8x10"));
        var digital = await admin.CreateItemAsync(list.Id, new { groupId = group.Id, code = "FILE", description = "Digital file", type = "digital", price = DigitalPrice });
        var fee = await admin.CreateItemAsync(list.Id, new { groupId = group.Id, code = "FEE", description = "Session fee", type = "sessionFee", price = FeePrice });
        var package = await admin.CreateItemAsync(list.Id, new
        {
            groupId = group.Id, code = "GOLD", description = "Gold package", type = "package", price = PackagePrice,
            package = new { components = new[] { new { itemId = print.Id, quantity = 2 } }, minPoses = 1, maxPoses = 2 },
        });
        var client = await (await admin.PostAsJsonAsync("/api/v1/clients", new { firstName = "Ada", lastName = SalesKit.Unique("Buyer") }))
            .ShouldBeAsync<IdBody>(HttpStatusCode.Created);
        var day = DateTime.UtcNow.Date.AddDays(Random.Shared.Next(30, 3000)).ToString("yyyy-MM-dd");
        var session = await (await admin.PostAsJsonAsync("/api/v1/sessions", new { clientId = client.Id, date = day, startTime = "10:00", endTime = "11:00" }))
            .ShouldBeAsync<IdBody>(HttpStatusCode.Created);
        var images = new List<long>();
        if (photos > 0)
        {
            var files = Enumerable.Range(0, photos).Select(i => ProofingKit.Jpeg($"photo-{i}.jpg", Random.Shared.Next(1, 60_000), 100, 80)).ToArray();
            images = (await admin.ImportedAsync(session.Id, files)).Select(i => i.Id).ToList();
        }
        return new Shop(list.Id, group.Id, print.Id, digital.Id, fee.Id, package.Id, client.Id, session.Id, images);
    }

    public sealed record IdBody(long Id);

    /// <summary>A 4:5 crop of a 100 × 80 photo: 64 × 80 pixels.</summary>
    public static object PortraitCrop => new { x = 0.1, y = 0.0, width = 0.64, height = 1.0 };

    public static Task<HttpResponseMessage> PostInvoiceAsync(this HttpClient caller, object body, string? key = null)
    {
        var request = HttpAssertions.Json(HttpMethod.Post, "/api/v1/invoices", body);
        if (key is not null)
            request.Headers.Add("Idempotency-Key", key);
        return caller.SendAsync(request);
    }

    public static async Task<InvoiceBody> CreateInvoiceAsync(this HttpClient caller, object body) =>
        await (await caller.PostInvoiceAsync(body)).ShouldBeAsync<InvoiceBody>(HttpStatusCode.Created);

    public static async Task<InvoiceBody> InvoiceAsync(this HttpClient caller, long id) =>
        await (await caller.GetAsync($"/api/v1/invoices/{id}")).ShouldBeAsync<InvoiceBody>(HttpStatusCode.OK);

    public static Task<HttpResponseMessage> PayAsync(this HttpClient caller, long invoiceId, object body, string? key = "new")
    {
        var request = HttpAssertions.Json(HttpMethod.Post, $"/api/v1/invoices/{invoiceId}/payments", body);
        if (key is not null)
            request.Headers.Add("Idempotency-Key", key == "new" ? Guid.NewGuid().ToString() : key);
        return caller.SendAsync(request);
    }

    public static async Task<PaymentBody> PaidAsync(this HttpClient caller, long invoiceId, long amount, long methodId, string? reference = null) =>
        await (await caller.PayAsync(invoiceId, new { amount, methodId, reference })).ShouldBeAsync<PaymentBody>(HttpStatusCode.Created);

    public static Task<HttpResponseMessage> RefundAsync(this HttpClient caller, long paymentId, long amount, string? key = "new")
    {
        var request = HttpAssertions.Json(HttpMethod.Post, $"/api/v1/payments/{paymentId}/refunds", new { amount });
        if (key is not null)
            request.Headers.Add("Idempotency-Key", key == "new" ? Guid.NewGuid().ToString() : key);
        return caller.SendAsync(request);
    }

    /// <summary>The id of a seeded payment method by name (Cash, Check, Visa…).</summary>
    public static async Task<long> MethodAsync(this HttpClient caller, string name)
    {
        var page = await (await caller.GetAsync("/api/v1/payment-methods?limit=200")).ShouldBeAsync<Page<MethodBody>>(HttpStatusCode.OK);
        return page.Items.Single(m => m.Name == name).Id;
    }

    public sealed record MethodBody(long Id, string Name);

    /// <summary>Sets the studio's tax settings (rates as name/percent pairs).</summary>
    public static async Task SetTaxAsync(this HttpClient admin, bool included = false, bool digitalTaxed = true, bool shippingTaxed = false,
        params (string Name, string Percent)[] rates)
    {
        var current = await (await admin.GetAsync("/api/v1/tax-settings")).ShouldBeAsync<VersionBody>(HttpStatusCode.OK);
        (await admin.SendAsync(SalesKit.Put("/api/v1/tax-settings", new
        {
            taxIncludedInPrices = included, digitalItemsTaxable = digitalTaxed, shippingTaxable = shippingTaxed,
            rates = rates.Select(r => new { name = r.Name, ratePercent = r.Percent }).ToArray(),
        }, current.Version))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    public sealed record VersionBody(int Version);

    public static async Task<List<InvoiceSummaryBody>> InvoiceListAsync(this HttpClient caller, string url)
    {
        var rows = new List<InvoiceSummaryBody>();
        string? cursor = null;
        do
        {
            var page = await (await caller.GetAsync(url + (url.Contains('?') ? "&" : "?") + "limit=200" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")))
                .ShouldBeAsync<Page<InvoiceSummaryBody>>(HttpStatusCode.OK);
            rows.AddRange(page.Items);
            cursor = page.NextCursor;
        } while (cursor is not null);
        return rows;
    }
}

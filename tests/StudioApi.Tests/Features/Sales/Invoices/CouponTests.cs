using System.Net;
using System.Net.Http.Json;
using StudioApi.Tests.Infrastructure;
using static StudioApi.Tests.Features.Sales.Invoices.InvoiceKit;

namespace StudioApi.Tests.Features.Sales.Invoices;

/// <summary>Coupon codes checked against their promotion's rule: dates, minimum order, what they apply to, uses.</summary>
public sealed class CouponTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    static object Promotion(long groupId, string code, object rule) => new { groupId, code, description = $"{code} promotion", type = "promotional", price = 0, promotion = rule };

    static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task A_percentage_coupon_takes_its_share_off_the_lines_it_applies_to_before_tax()
    {
        var admin = await app.AdminAsync();
        await admin.SetTaxAsync(rates: ("Tax", "10"));
        var shop = await admin.OpenShopAsync(photos: 0);
        // 15% off digital files only.
        await admin.CreateItemAsync(shop.ListId, Promotion(shop.GroupId, "P15", new { couponCode = "FILES15", discountPercent = "15", appliesToItemIds = new[] { shop.Digital } }));

        var invoice = await admin.CreateInvoiceAsync(new
        {
            clientId = shop.ClientId, priceListId = shop.ListId, couponCodes = new[] { "files15" },
            lines = new object[] { new { itemId = shop.Fee }, new { itemId = shop.Digital, quantity = 3 } },
        });

        // 15% of 45.00 is 6.75 off the files; the fee is untouched. Tax 10% on 50.00 and 38.25.
        invoice.Lines.Select(l => (l.Discount, l.Net, l.Tax)).ShouldBe([(0L, 5000L, 500L), (675L, 3825L, 383L)]);
        invoice.Coupons.ShouldBe([new CouponBody(invoice.Coupons[0].PromotionItemId, "FILES15", "P15 promotion", 675)]);
        (invoice.Subtotal, invoice.DiscountTotal, invoice.TaxTotal, invoice.Total).ShouldBe((9500L, 675L, 883L, 9708L));
        await admin.SetTaxAsync();
    }

    [Fact]
    public async Task An_amount_coupon_is_shared_among_its_lines_by_what_is_left_of_each_and_never_goes_below_zero()
    {
        var admin = await app.AdminAsync();
        await admin.SetTaxAsync();
        var shop = await admin.OpenShopAsync(photos: 0);
        await admin.CreateItemAsync(shop.ListId, Promotion(shop.GroupId, "TEN", new { couponCode = "TENOFF", discountAmount = 1000 }));
        await admin.CreateItemAsync(shop.ListId, Promotion(shop.GroupId, "HUGE", new { couponCode = "HUGE", discountAmount = 1_000_000 }));

        var shared = await admin.CreateInvoiceAsync(new
        {
            clientId = shop.ClientId, priceListId = shop.ListId, couponCodes = new[] { "TENOFF" },
            lines = new object[] { new { itemId = shop.Fee, discountAmount = 1000 }, new { itemId = shop.Digital } },
        });
        // Left after the line discount: 40.00 and 15.00, so 10.00 off splits 7.27… and 2.72… (rounded once, by largest remainder).
        shared.Lines.Select(l => l.Discount).ShouldBe([1000L + 727, 273L]);
        shared.Total.ShouldBe(5000 + 1500 - 1000 - 1000);

        var capped = await admin.CreateInvoiceAsync(new { clientId = shop.ClientId, priceListId = shop.ListId, couponCodes = new[] { "HUGE" }, lines = new[] { new { itemId = shop.Digital } } });
        (capped.DiscountTotal, capped.Total).ShouldBe((DigitalPrice, 0L));
    }

    [Fact]
    public async Task A_coupon_out_of_its_dates_below_its_minimum_or_applying_to_nothing_is_refused()
    {
        var admin = await app.AdminAsync();
        var shop = await admin.OpenShopAsync(photos: 0);
        await admin.CreateItemAsync(shop.ListId, Promotion(shop.GroupId, "LATER", new { couponCode = "LATER", discountPercent = "5", startsOn = Today.AddDays(10) }));
        await admin.CreateItemAsync(shop.ListId, Promotion(shop.GroupId, "OVER", new { couponCode = "OVER", discountPercent = "5", endsOn = Today.AddDays(-1) }));
        await admin.CreateItemAsync(shop.ListId, Promotion(shop.GroupId, "BIG", new { couponCode = "BIG", discountPercent = "5", minimumOrderAmount = 10_000 }));
        var otherGroup = await admin.CreateGroupAsync(shop.ListId, "Frames");
        await admin.CreateItemAsync(shop.ListId, Promotion(shop.GroupId, "FRAMES", new { couponCode = "FRAMES", discountPercent = "5", appliesToGroupIds = new[] { otherGroup.Id } }));
        object Sale(string code, DateOnly? date = null) => new { clientId = shop.ClientId, priceListId = shop.ListId, date, couponCodes = new[] { code }, lines = new[] { new { itemId = shop.Fee } } };

        foreach (var code in new[] { "LATER", "OVER", "BIG", "FRAMES" })
        {
            var problem = await (await admin.PostInvoiceAsync(Sale(code))).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
            problem.GetProperty("field").GetString().ShouldBe("couponCodes[0]");
            problem.GetProperty("detail").GetString()!.ShouldContain(code);
        }
        // Dated within the promotion's run, the coupon takes.
        (await admin.CreateInvoiceAsync(Sale("LATER", Today.AddDays(12)))).DiscountTotal.ShouldBe(250);
        (await admin.CreateInvoiceAsync(Sale("OVER", Today.AddDays(-3)))).DiscountTotal.ShouldBe(250);
    }

    [Fact]
    public async Task A_once_per_client_coupon_takes_once_per_client_and_a_limited_one_its_uses_which_a_void_gives_back()
    {
        var admin = await app.AdminAsync();
        var shop = await admin.OpenShopAsync(photos: 0);
        var otherClient = (await admin.OpenShopAsync(photos: 0)).ClientId;
        await admin.CreateItemAsync(shop.ListId, Promotion(shop.GroupId, "ONCE", new { couponCode = "ONCE", discountPercent = "10", oncePerClient = true }));
        await admin.CreateItemAsync(shop.ListId, Promotion(shop.GroupId, "TWO", new { couponCode = "TWO", discountPercent = "10", maxUses = 2 }));
        object Sale(long clientId, string code) => new { clientId, priceListId = shop.ListId, couponCodes = new[] { code }, lines = new[] { new { itemId = shop.Fee } } };

        await admin.CreateInvoiceAsync(Sale(shop.ClientId, "ONCE"));
        await (await admin.PostInvoiceAsync(Sale(shop.ClientId, "ONCE"))).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        await admin.CreateInvoiceAsync(Sale(otherClient, "ONCE"));
        // An estimate quotes a coupon without using it up.
        (await admin.CreateInvoiceAsync(new { clientId = shop.ClientId, priceListId = shop.ListId, type = "estimate", couponCodes = new[] { "ONCE" }, lines = new[] { new { itemId = shop.Fee } } }))
            .DiscountTotal.ShouldBe(500);

        var first = await admin.CreateInvoiceAsync(Sale(shop.ClientId, "TWO"));
        await admin.CreateInvoiceAsync(Sale(otherClient, "TWO"));
        var spent = await (await admin.PostInvoiceAsync(Sale(otherClient, "TWO"))).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        spent.GetProperty("detail").GetString()!.ShouldContain("2 time(s)");
        (await admin.PostAsJsonAsync($"/api/v1/invoices/{first.Id}/void", new { reason = "Entered twice" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await admin.CreateInvoiceAsync(Sale(otherClient, "TWO"));
    }

    [Fact]
    public async Task Two_sales_racing_for_a_coupons_last_use_end_with_one_sale()
    {
        var admin = await app.AdminAsync();
        var shop = await admin.OpenShopAsync(photos: 0);
        await admin.CreateItemAsync(shop.ListId, Promotion(shop.GroupId, "LAST", new { couponCode = "LAST", discountPercent = "10", maxUses = 1 }));

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            admin.PostInvoiceAsync(new { clientId = shop.ClientId, priceListId = shop.ListId, couponCodes = new[] { "LAST" }, lines = new[] { new { itemId = shop.Fee } } })));

        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        answers.Where(a => a.StatusCode != HttpStatusCode.Created).ShouldAllBe(a => a.StatusCode == HttpStatusCode.UnprocessableEntity);
    }
}

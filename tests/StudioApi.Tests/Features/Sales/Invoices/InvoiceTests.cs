using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StudioApi.Platform.Auth;
using StudioApi.Tests.Features.Imaging.Images;
using StudioApi.Tests.Infrastructure;
using static StudioApi.Tests.Features.Sales.Invoices.InvoiceKit;

namespace StudioApi.Tests.Features.Sales.Invoices;

public sealed class InvoiceTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    [Fact]
    public async Task A_sessions_invoices_are_its_session_fee_then_its_initial_order_then_reorders_each_numbered_and_priced_as_sold()
    {
        var admin = await app.AdminAsync();
        await admin.SetTaxAsync(rates: ("Sales tax", "8.25"));
        var shop = await admin.OpenShopAsync();

        var fee = await admin.CreateInvoiceAsync(new { sessionId = shop.SessionId, priceListId = shop.ListId, lines = new[] { new { itemId = shop.Fee } } });
        var order = await admin.CreateInvoiceAsync(new
        {
            sessionId = shop.SessionId, priceListId = shop.ListId,
            lines = new object[]
            {
                new { itemId = shop.Print, quantity = 3, imageId = shop.Images[0], crop = PortraitCrop },
                new { itemId = shop.Digital, quantity = 1 },
            },
        });
        var reorder = await admin.CreateInvoiceAsync(new { sessionId = shop.SessionId, priceListId = shop.ListId, lines = new[] { new { itemId = shop.Digital } } });

        (fee.Type, order.Type, reorder.Type).ShouldBe(("sessionFee", "initialOrder", "reorder"));
        order.Number.ShouldBe(fee.Number + 1);
        reorder.Number.ShouldBe(order.Number + 1);
        (fee.ClientId, fee.ClientName).ShouldBe((shop.ClientId, fee.ClientName));
        fee.ClientName.ShouldStartWith("Ada ");
        order.Lines.Select(l => (l.Code, l.Quantity, l.UnitPrice, l.Gross)).ShouldBe([("8x10", 3, PrintPrice, 3 * PrintPrice), ("FILE", 1, DigitalPrice, DigitalPrice)]);
        // 8.25% of 60.00 is 4.95; of 15.00 is 1.2375, rounded once: 1.24.
        order.Lines.Select(l => l.Tax).ShouldBe([495L, 124L]);
        (order.Subtotal, order.DiscountTotal, order.TaxTotal, order.Total).ShouldBe((7500L, 0L, 619L, 8119L));
        (order.Paid, order.Balance).ShouldBe((0L, 8119L));
        order.Taxes.ShouldBe([new InvoiceTaxBody("Sales tax", "8.25", 619)]);
        order.Lines[0].Crop.ShouldBe(new LineCropBody(0.1, 0, 0.64, 1, "4:5"));
        order.Status!.Description.ShouldBe("Open");

        // Changing the price list never changes an invoice: the price is the one it was sold at.
        var item = await admin.GetItemAsync(shop.Print);
        (await admin.SendAsync(SalesKit.Put($"/api/v1/price-list-items/{item.Id}", SalesKit.Print(shop.GroupId, "8x10", 9999, "4:5"), item.Version))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await admin.SetTaxAsync(rates: ("Sales tax", "10"));
        var again = await admin.InvoiceAsync(order.Id);
        (again.Lines[0].UnitPrice, again.Total, again.Version).ShouldBe((PrintPrice, 8119L, order.Version));
    }

    [Fact]
    public async Task A_print_needs_an_image_of_the_session_and_a_crop_of_its_shape()
    {
        var admin = await app.AdminAsync();
        var shop = await admin.OpenShopAsync();
        var other = await admin.OpenShopAsync(photos: 1);
        object Line(object line) => new { sessionId = shop.SessionId, priceListId = shop.ListId, lines = new[] { line } };

        var noImage = await (await admin.PostInvoiceAsync(Line(new { itemId = shop.Print }))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        noImage.FieldErrors().ShouldBe(["lines[0].imageId"]);
        var elsewhere = await (await admin.PostInvoiceAsync(Line(new { itemId = shop.Print, imageId = other.Images[0], crop = PortraitCrop }))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        elsewhere.FieldErrors().ShouldBe(["lines[0].imageId"]);
        // A landscape 5:4 crop fits a 4:5 print turned; a square one does not.
        (await admin.PostInvoiceAsync(Line(new { itemId = shop.Print, imageId = shop.Images[0], crop = new { x = 0, y = 0, width = 1.0, height = 1.0 } })))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var square = await (await admin.PostInvoiceAsync(Line(new { itemId = shop.Print, imageId = shop.Images[0], crop = new { x = 0, y = 0, width = 0.8, height = 1.0 } })))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        square.GetProperty("detail").GetString()!.ShouldContain("4:5");
        // No crop given: the image's proofing crop is used when it has the print's shape, else the line is refused.
        (await admin.PostInvoiceAsync(Line(new { itemId = shop.Print, imageId = shop.Images[1] }))).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var image = await admin.ImageAsync(shop.Images[1]);
        (await admin.SetProofingAsync(image, new
            {
                proofState = "selected", favorite = false, hiddenOnline = false, rotation = 90, yearbookRole = "none",
                crop = new { x = 0, y = 0.1, width = 1.0, height = 0.64, aspectRatio = "4:5" },
            }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var proofed = await admin.CreateInvoiceAsync(Line(new { itemId = shop.Print, imageId = shop.Images[1] }));
        (proofed.Lines[0].Rotation, proofed.Lines[0].Crop).ShouldBe((90, new LineCropBody(0, 0.1, 1, 0.64, "4:5")));
        // Items not made from an image take none.
        var digital = await (await admin.PostInvoiceAsync(Line(new { itemId = shop.Fee, imageId = shop.Images[0] }))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        digital.FieldErrors().ShouldBe(["lines[0].imageId"]);
    }

    [Fact]
    public async Task A_package_takes_between_its_fewest_and_most_poses_of_the_session()
    {
        var admin = await app.AdminAsync();
        // No tax, whatever the class's other tests left set (their order changes with the tests selected).
        await admin.SetTaxAsync();
        var shop = await admin.OpenShopAsync();
        object Package(params long[] poses) => new { sessionId = shop.SessionId, priceListId = shop.ListId, lines = new[] { new { itemId = shop.Package, poses } } };

        (await (await admin.PostInvoiceAsync(Package())).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["lines[0].poses"]);
        (await (await admin.PostInvoiceAsync(Package(shop.Images[0], shop.Images[1], shop.Images[2]))).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldErrors().ShouldBe(["lines[0].poses"]);
        (await (await admin.PostInvoiceAsync(Package(shop.Images[0], 999_999))).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldErrors().ShouldBe(["lines[0].poses[1]"]);
        (await (await admin.PostInvoiceAsync(Package(shop.Images[0], shop.Images[0]))).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldErrors().ShouldBe(["lines[0].poses"]);

        var sold = await admin.CreateInvoiceAsync(Package(shop.Images[2], shop.Images[0]));
        sold.Lines.Single().Poses.ShouldBe([shop.Images[2], shop.Images[0]]);
        sold.Total.ShouldBe(PackagePrice);
    }

    [Fact]
    public async Task Unknown_references_are_refused_by_their_field_and_nothing_is_made()
    {
        var admin = await app.AdminAsync();
        var shop = await admin.OpenShopAsync(photos: 0);
        var foreign = await admin.OpenShopAsync(photos: 0);
        var before = await admin.InvoiceListAsync($"/api/v1/invoices?clientId={shop.ClientId}");

        (await (await admin.PostInvoiceAsync(new { sessionId = shop.SessionId, priceListId = shop.ListId, lines = new[] { new { itemId = foreign.Fee } } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["lines[0].itemId"]);
        (await (await admin.PostInvoiceAsync(new { sessionId = 999_999, lines = Array.Empty<object>() })).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldErrors().ShouldBe(["sessionId"]);
        (await (await admin.PostInvoiceAsync(new { sessionId = shop.SessionId, clientId = foreign.ClientId, priceListId = shop.ListId }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["clientId"]);
        (await (await admin.PostInvoiceAsync(new { clientId = shop.ClientId, priceListId = 999_999 })).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldErrors().ShouldBe(["priceListId"]);
        (await (await admin.PostInvoiceAsync(new { clientId = shop.ClientId, priceListId = shop.ListId, shippingMethodId = 999_999 }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["shippingMethodId"]);
        (await (await admin.PostInvoiceAsync(new { clientId = shop.ClientId, priceListId = shop.ListId, couponCodes = new[] { "NOPE" } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["couponCodes[0]"]);
        (await (await admin.PostInvoiceAsync(new { clientId = shop.ClientId, priceListId = shop.ListId, type = "creditMemo" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["type"]);
        (await (await admin.PostInvoiceAsync(new { clientId = shop.ClientId, priceListId = shop.ListId, lines = new[] { new { itemId = shop.Fee, quantity = 0 } } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["lines[0].quantity"]);
        (await (await admin.PostInvoiceAsync(new { clientId = shop.ClientId, priceListId = shop.ListId, lines = new[] { new { itemId = shop.Fee, discountPercent = "10", discountAmount = 100 } } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["lines[0].discountPercent"]);
        (await (await admin.PostInvoiceAsync(new { clientId = shop.ClientId, priceListId = shop.ListId, lines = new[] { new { itemId = shop.Fee, discountAmount = FeePrice + 1 } } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["lines[0].discountAmount"]);

        (await admin.InvoiceListAsync($"/api/v1/invoices?clientId={shop.ClientId}")).Count.ShouldBe(before.Count);
    }

    [Fact]
    public async Task Updating_keeps_what_lines_were_sold_for_and_prices_new_lines_today_until_money_is_on_record()
    {
        var admin = await app.AdminAsync();
        await admin.SetTaxAsync();
        var shop = await admin.OpenShopAsync(photos: 0);
        var invoice = await admin.CreateInvoiceAsync(new { clientId = shop.ClientId, priceListId = shop.ListId, lines = new[] { new { itemId = shop.Digital, quantity = 2 } } });

        var item = await admin.GetItemAsync(shop.Digital);
        (await admin.SendAsync(SalesKit.Put($"/api/v1/price-list-items/{item.Id}",
            new { groupId = shop.GroupId, code = "FILE", description = "Digital file", type = "digital", price = 3000 }, item.Version))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var kept = invoice.Lines[0];
        var updated = await (await admin.SendAsync(SalesKit.Put($"/api/v1/invoices/{invoice.Id}", new
        {
            lines = new object[] { new { id = kept.Id, itemId = shop.Digital, quantity = 3 }, new { itemId = shop.Digital, quantity = 1 } },
        }, invoice.Version))).ShouldBeAsync<InvoiceBody>(HttpStatusCode.OK);
        updated.Lines.Select(l => (l.UnitPrice, l.Quantity)).ShouldBe([(DigitalPrice, 3), (3000L, 1)]);
        updated.Total.ShouldBe(3 * DigitalPrice + 3000);
        updated.Version.ShouldBe(invoice.Version + 1);

        // Sending back what was read changes nothing.
        var same = await (await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, $"/api/v1/invoices/{invoice.Id}", updated).WithIfMatch($"\"{updated.Version}\"")))
            .ShouldBeAsync<InvoiceBody>(HttpStatusCode.OK);
        same.Version.ShouldBe(updated.Version);
        (await admin.SendAsync(SalesKit.Put($"/api/v1/invoices/{invoice.Id}", new { lines = Array.Empty<object>() }, invoice.Version)))
            .StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);

        await admin.PaidAsync(invoice.Id, 100, await admin.MethodAsync("Cash"));
        var locked = await admin.InvoiceAsync(invoice.Id);
        await (await admin.SendAsync(SalesKit.Put($"/api/v1/invoices/{invoice.Id}", new { lines = Array.Empty<object>() }, locked.Version)))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Tax_follows_the_settings_included_or_added_digital_and_shipping_taxed_or_not_and_several_rates()
    {
        var admin = await app.AdminAsync();
        var shop = await admin.OpenShopAsync(photos: 0);
        var shipping = await (await admin.PostAsJsonAsync("/api/v1/shipping-methods", new { name = SalesKit.Unique("Post"), price = 800 }))
            .ShouldBeAsync<IdBody>(HttpStatusCode.Created);

        await admin.SetTaxAsync(included: false, digitalTaxed: false, shippingTaxed: true, ("State", "6"), ("City", "2.5"));
        var added = await admin.CreateInvoiceAsync(new
        {
            clientId = shop.ClientId, priceListId = shop.ListId, shippingMethodId = shipping.Id,
            lines = new[] { new { itemId = shop.Fee }, new { itemId = shop.Digital } },
        });
        // Fee 50.00 taxed at 6% (3.00) and 2.5% (1.25); the file not taxed; shipping 8.00 taxed (0.48 + 0.20).
        added.Lines.Select(l => (l.Code, l.Taxed, l.Tax)).ShouldBe([("FEE", true, 425L), ("FILE", false, 0L), ("SHIPPING", true, 68L)]);
        added.Taxes.Select(t => (t.Name, t.Amount)).ShouldBe([("State", 348L), ("City", 145L)]);
        (added.Subtotal, added.TaxTotal, added.Total).ShouldBe((7300L, 493L, 7793L));

        await admin.SetTaxAsync(included: true, rates: ("VAT", "20"));
        var included = await admin.CreateInvoiceAsync(new { clientId = shop.ClientId, priceListId = shop.ListId, lines = new[] { new { itemId = shop.Fee }, new { itemId = shop.Digital } } });
        // Prices include 20% VAT: 50.00 holds 8.33, 15.00 holds 2.50; the total is the prices.
        included.Lines.Select(l => l.Tax).ShouldBe([833L, 250L]);
        (included.TaxIncludedInPrices, included.TaxTotal, included.Total).ShouldBe((true, 1083L, 6500L));
        await admin.SetTaxAsync();
    }

    [Fact]
    public async Task Deleting_a_session_with_paid_invoices_is_refused_with_its_blockers_and_unpaid_ones_go_to_the_recycle_bin_with_it()
    {
        var admin = await app.AdminAsync();
        var shop = await admin.OpenShopAsync(photos: 0);
        var fee = await admin.CreateInvoiceAsync(new { sessionId = shop.SessionId, priceListId = shop.ListId, lines = new[] { new { itemId = shop.Fee } } });
        var estimate = await admin.CreateInvoiceAsync(new { sessionId = shop.SessionId, priceListId = shop.ListId, type = "estimate", lines = new[] { new { itemId = shop.Digital } } });
        var payment = await admin.PaidAsync(fee.Id, FeePrice, await admin.MethodAsync("Cash"));
        var session = await (await admin.GetAsync($"/api/v1/sessions/{shop.SessionId}")).ShouldBeAsync<VersionBody>(HttpStatusCode.OK);

        var refused = await (await admin.SendAsync(SalesKit.Delete($"/api/v1/sessions/{shop.SessionId}", session.Version))).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        refused.GetProperty("blockers").EnumerateArray().Single().GetString()!.ShouldContain($"invoice {fee.Number}");
        // Refunded, the invoice is still money on record: the session stays.
        (await admin.RefundAsync(payment.Id, FeePrice)).StatusCode.ShouldBe(HttpStatusCode.Created);
        await (await admin.SendAsync(SalesKit.Delete($"/api/v1/sessions/{shop.SessionId}", session.Version))).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var other = await admin.OpenShopAsync(photos: 0);
        var unpaid = await admin.CreateInvoiceAsync(new { sessionId = other.SessionId, priceListId = other.ListId, lines = new[] { new { itemId = other.Fee } } });
        var otherSession = await (await admin.GetAsync($"/api/v1/sessions/{other.SessionId}")).ShouldBeAsync<VersionBody>(HttpStatusCode.OK);
        (await admin.SendAsync(SalesKit.Delete($"/api/v1/sessions/{other.SessionId}", otherSession.Version))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.GetAsync($"/api/v1/invoices/{unpaid.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.PostAsync($"/api/v1/invoices/{unpaid.Id}/restore", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await admin.PostAsync($"/api/v1/sessions/{other.SessionId}/restore", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.InvoiceAsync(unpaid.Id)).DeletedAt.ShouldBeNull();
        estimate.Type.ShouldBe("estimate");
    }

    [Fact]
    public async Task The_kiosk_sells_only_for_sessions_and_sees_only_their_invoices_photographers_do_not_sell_and_voids_are_the_front_desks()
    {
        var admin = await app.AdminAsync();
        var shop = await admin.OpenShopAsync(photos: 0);
        var kiosk = await app.AsRoleAsync(UserRole.Sales);
        var photographer = await app.AsRoleAsync(UserRole.Photographer);
        var counter = await admin.CreateInvoiceAsync(new { clientId = shop.ClientId, priceListId = shop.ListId, lines = new[] { new { itemId = shop.Digital } } });

        await (await kiosk.PostInvoiceAsync(new { clientId = shop.ClientId, priceListId = shop.ListId })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var sold = await kiosk.CreateInvoiceAsync(new { sessionId = shop.SessionId, priceListId = shop.ListId, lines = new[] { new { itemId = shop.Fee } } });
        (await kiosk.GetAsync($"/api/v1/invoices/{sold.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await kiosk.GetAsync($"/api/v1/invoices/{counter.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await kiosk.InvoiceListAsync($"/api/v1/invoices?clientId={shop.ClientId}")).Select(i => i.Id).ShouldBe([sold.Id]);
        (await kiosk.GetAsync($"/api/v1/invoices/{counter.Id}/notes")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await kiosk.PayAsync(counter.Id, new { amount = 100, methodId = await admin.MethodAsync("Cash") })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await kiosk.PostAsJsonAsync($"/api/v1/invoices/{sold.Id}/void", new { reason = "mistake" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var payment = await kiosk.PaidAsync(sold.Id, 1000, await admin.MethodAsync("Cash"));
        (await kiosk.RefundAsync(payment.Id, 100)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await photographer.GetAsync("/api/v1/invoices")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await photographer.PostInvoiceAsync(new { sessionId = shop.SessionId, priceListId = shop.ListId })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await photographer.GetAsync($"/api/v1/invoices/{sold.Id}/notes")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

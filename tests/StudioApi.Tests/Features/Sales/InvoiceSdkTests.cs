using System.Net.Http.Headers;
using StudioApi.Client;
using StudioApi.Tests.Features.Imaging.Images;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Sales;

/// <summary>
/// The generated C# SDK selling at a kiosk: the session's photos, a print with its crop, a package with its poses and
/// a coupon, the order retried under its Idempotency-Key, a payment retried the same way, then the front desk's day:
/// a refund, a credit memo, the balance and the aging report.
/// </summary>
public sealed class InvoiceSdkTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    [Fact]
    public async Task A_kiosk_sale_through_the_sdk_is_priced_by_the_server_and_retries_never_take_twice()
    {
        var http = await SignedInAsync();
        var lists = new PriceListsClient(http);
        var items = new PriceListItemsClient(http);
        var invoices = new InvoicesClient(http);
        var payments = new PaymentsClient(http);

        var list = await lists.CreateAsync(idempotencyKey: null, new CreatePriceListRequest { Name = "SDK kiosk list" });
        var prints = await lists.CreateGroupAsync(list.Id, idempotencyKey: null, new CreatePriceListGroupRequest { Name = "Prints" });
        var print = await items.CreateAsync(list.Id, idempotencyKey: null, new CreatePriceListItemRequest
            { GroupId = prints.Id, Code = "8x10", Description = "8x10 print", Price = 2500, CropAspectRatio = "8x10" });
        var package = await items.CreateAsync(list.Id, idempotencyKey: null, new CreatePriceListItemRequest
        {
            GroupId = prints.Id, Code = "DUO", Description = "Two prints", Type = PriceListItemType.Package, Price = 4000,
            Package = new ItemPackageInput { Components = [new PackageComponentInput { ItemId = print.Id, Quantity = 2 }], MinPoses = 2, MaxPoses = 2 },
        });
        await items.CreateAsync(list.Id, idempotencyKey: null, new CreatePriceListItemRequest
        {
            GroupId = prints.Id, Code = "KIOSK5", Description = "5% off at the kiosk", Type = PriceListItemType.Promotional, Price = 0,
            Promotion = new ItemPromotionInput { CouponCode = "KIOSK5", DiscountPercent = "5" },
        });
        var client = await new ClientsClient(http).CreateAsync(idempotencyKey: null, new CreateClientRequest { FirstName = "Sam", LastName = "Kiosk" });
        var session = await new SessionsClient(http).CreateAsync(idempotencyKey: null, new CreateSessionRequest
            { ClientId = client.Id, Date = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(20)), StartTime = "10:00", EndTime = "11:00" });
        var photos = await http.ImportedAsync(session.Id, ProofingKit.Jpeg("a.jpg", 11, 100, 80), ProofingKit.Jpeg("b.jpg", 22, 100, 80));

        var order = new CreateInvoiceRequest
        {
            SessionId = session.Id, PriceListId = list.Id, Type = InvoiceType.InitialOrder, CouponCodes = ["kiosk5"],
            Lines =
            [
                new InvoiceLineInput { ItemId = print.Id, Quantity = 2, ImageId = photos[0].Id, Crop = new ImageCrop { X = 0.2, Y = 0, Width = 0.64, Height = 1 } },
                new InvoiceLineInput { ItemId = package.Id, Poses = [photos[1].Id, photos[0].Id] },
            ],
        };
        var key = Guid.NewGuid().ToString();
        var invoice = await invoices.CreateAsync(key, order);
        var retried = await invoices.CreateAsync(key, order);

        retried.Id.ShouldBe(invoice.Id);
        (invoice.Type, invoice.Subtotal, invoice.DiscountTotal, invoice.Total).ShouldBe((InvoiceType.InitialOrder, 9000L, 450L, 8550L));
        invoice.Lines.First().Crop!.AspectRatio.ShouldBe("4:5");
        invoice.Coupons.Single().CouponCode.ShouldBe("KIOSK5");

        var cash = (await new PaymentMethodsClient(http).ListAsync(q: "Cash", active: null, deleted: null, limit: null, cursor: null, sort: null)).Items.Single().Id;
        var payKey = Guid.NewGuid().ToString();
        var paid = await payments.CreateAsync(invoice.Id, payKey, new CreatePaymentRequest { Amount = 8550, MethodId = cash });
        (await payments.CreateAsync(invoice.Id, payKey, new CreatePaymentRequest { Amount = 8550, MethodId = cash })).Id.ShouldBe(paid.Id);
        (await invoices.GetAsync(invoice.Id)).Balance.ShouldBe(0);
        var overpaid = await Should.ThrowAsync<ApiException<ProblemDetails>>(() =>
            payments.CreateAsync(invoice.Id, Guid.NewGuid().ToString(), new CreatePaymentRequest { Amount = 1, MethodId = cash }));
        overpaid.StatusCode.ShouldBe(422);

        // The front desk: a refund, a credit memo for the refunded print, what the client owes and the aging.
        var refund = await payments.RefundAsync(paid.Id, Guid.NewGuid().ToString(), new RefundPaymentRequest { Amount = 2375 });
        refund.InvoiceBalance.ShouldBe(2375);
        var memo = await invoices.CreateCreditMemoAsync(invoice.Id, idempotencyKey: null, new CreateCreditMemoRequest
            { Reason = "One print returned", Lines = [new CreditedLineInput { LineId = invoice.Lines.First().Id, Quantity = 1 }] });
        memo.Total.ShouldBe(2375);
        (await invoices.GetAsync(invoice.Id)).Balance.ShouldBe(0);
        var tab = await invoices.ListForSessionAsync(session.Id, limit: null, cursor: null, sort: null);
        tab.Items.Select(i => i.Type).ShouldBe([InvoiceType.CreditMemo, InvoiceType.InitialOrder]);
        var balance = await new ReceivablesClient(http).GetClientBalanceAsync(client.Id);
        (balance.OutstandingBalance, balance.CreditBalance).ShouldBe((0L, 0L));
        var aging = await new ReceivablesClient(http).GetAgingAsync(asOf: null, limit: 10, cursor: null, sort: null);
        aging.Clients.ShouldNotContain(c => c.ClientId == client.Id);
    }

    async Task<HttpClient> SignedInAsync()
    {
        var http = app.CreateClient();
        var token = await new AuthClient(http).CreateTokenAsync(new CreateTokenRequest { Username = "admin", Password = StudioApiFactory.AdminPassword });
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(token.TokenType, token.AccessToken);
        return http;
    }
}

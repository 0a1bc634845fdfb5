using System.Net;
using System.Net.Http.Json;
using StudioApi.Tests.Features.Sales;
using StudioApi.Tests.Features.Sales.Invoices;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Production;

public sealed record CropBody(double X, double Y, double Width, double Height, string? AspectRatio);

public sealed record OrderLineBody(
    long Id, long InvoiceLineId, int Part, long? ItemId, string Code, string Description, int Quantity, string? AspectRatio, string? PrintSize,
    long? ImageId, int Rotation, CropBody? Crop, bool CropReviewed);

public sealed record OrderStatusBody(long Id, string Description, DateOnly? StatusDate, DateOnly? DueDate, bool IsOverdue);

public sealed record OrderBody(
    long Id, int Version, int Number, long InvoiceId, int InvoiceNumber, long ClientId, long? SessionId, long ProductionTypeId, long? VendorId,
    DateOnly OrderDate, DateOnly? DueDate, string? LabReference, string? Carrier, string? TrackingNumber, string? Notes, OrderStatusBody? Status,
    List<OrderLineBody> Lines, DateTimeOffset? DeletedAt);

public sealed record OrderSummaryBody(
    long Id, int Version, int Number, long InvoiceId, long ClientId, long? SessionId, long ProductionTypeId, long? VendorId, DateOnly OrderDate,
    long? StatusId, DateOnly? StatusDueDate);

public sealed record MadeBody(List<OrderBody> Made);

public sealed record NextCropBody(OrderLineBody? Line, int Remaining, int OrderVersion);

public sealed record VendorBody(
    long Id, int Version, string Name, string? ContactName, string? Email, string? Phone, string? AccountNumber, string SubmissionMethod,
    string? LabProtocol, string? Notes, List<long> ProductionTypeIds, List<long> PriceListItemIds, DateTimeOffset? DeletedAt);

public sealed record ProofOrderBody(
    long Id, int Version, long SessionId, long? VendorId, string Status, int NumberOfProofs, string? StorageLocation, string? CdNumber,
    DateOnly OrderDate, DateOnly? DueDate, DateOnly? ReceivedDate, string? Notes);

/// <summary>A shop selling two production types (prints at 4:5 with a print size, and frames), and an invoice of both.</summary>
public sealed record ProductionShop(Shop Shop, long PrintsType, long FramesType, long Print, long Frame);

public static class ProductionKit
{
    /// <summary>The print's size: 2 × 2.5 inches (4:5), small so renders stay fast.</summary>
    public const string PrintSize = "2x2.5";

    public static async Task<ProductionShop> OpenProductionShopAsync(this HttpClient admin)
    {
        var shop = await admin.OpenShopAsync();
        var prints = await admin.CreateTypeAsync("Prints");
        var frames = await admin.CreateTypeAsync("Frames");
        var print = await admin.CreateItemAsync(shop.ListId, new
        {
            groupId = shop.GroupId, code = SalesKit.Unique("P"), description = "Small print", type = "standard", price = 1200,
            needsImage = true, cropAspectRatio = "4:5", printSize = PrintSize, productionTypeId = prints,
        });
        var frame = await admin.CreateItemAsync(shop.ListId, new
        {
            groupId = shop.GroupId, code = SalesKit.Unique("F"), description = "Frame", type = "standard", price = 4500,
            needsImage = true, productionTypeId = frames,
        });
        return new ProductionShop(shop, prints, frames, print.Id, frame.Id);
    }

    static async Task<long> CreateTypeAsync(this HttpClient admin, string name) =>
        (await (await admin.PostAsJsonAsync("/api/v1/production-types", new { name = SalesKit.Unique(name) }))
            .ShouldBeAsync<InvoiceKit.IdBody>(HttpStatusCode.Created)).Id;

    /// <summary>Two prints (cropped 4:5), a frame and the session fee, sold by <paramref name="seller"/>.</summary>
    public static Task<InvoiceBody> SellAsync(this HttpClient seller, ProductionShop p, long? sessionId = null) =>
        seller.CreateInvoiceAsync(new
        {
            sessionId = sessionId ?? p.Shop.SessionId,
            priceListId = p.Shop.ListId,
            lines = new object[]
            {
                new { itemId = p.Shop.Fee },
                new { itemId = p.Print, quantity = 2, imageId = p.Shop.Images[0], crop = InvoiceKit.PortraitCrop },
                new { itemId = p.Frame, imageId = p.Shop.Images[1] },
                new { itemId = p.Print, imageId = p.Shop.Images[2], crop = InvoiceKit.PortraitCrop },
            },
        });

    public static Task<HttpResponseMessage> MakeOrdersAsync(this HttpClient caller, long invoiceId, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/invoices/{invoiceId}/production-orders");
        if (key is not null)
            request.Headers.Add("Idempotency-Key", key);
        return caller.SendAsync(request);
    }

    public static async Task<OrderBody> OrderAsync(this HttpClient caller, long id) =>
        await (await caller.GetAsync($"/api/v1/production-orders/{id}")).ShouldBeAsync<OrderBody>(HttpStatusCode.OK);

    public static async Task<List<OrderSummaryBody>> OrderListAsync(this HttpClient caller, string url)
    {
        var rows = new List<OrderSummaryBody>();
        string? cursor = null;
        do
        {
            var page = await (await caller.GetAsync(url + (url.Contains('?') ? "&" : "?") + "limit=200" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")))
                .ShouldBeAsync<Page<OrderSummaryBody>>(HttpStatusCode.OK);
            rows.AddRange(page.Items);
            cursor = page.NextCursor;
        } while (cursor is not null);
        return rows;
    }
}

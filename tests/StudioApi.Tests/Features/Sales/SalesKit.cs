using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Sales;

public sealed record GroupBody(long Id, int Version, long PriceListId, string Name, string? Description, int Position, DateTimeOffset? DeletedAt);

public sealed record UseBody(bool IsDefault, List<long> SessionTypeIds, List<long> OrganizationIds);

public sealed record PriceListBody(
    long Id, int Version, string Name, string? Description, string Currency, UseBody InStudio, UseBody Online, int ItemCount,
    List<GroupBody> Groups, DateTimeOffset? DeletedAt);

public sealed record ComponentBody(long ItemId, int Quantity, string? Code, string? Description);

public sealed record PackageBody(List<ComponentBody> Components, int MinPoses, int MaxPoses);

public sealed record PromotionBody(
    string? CouponCode, string? DiscountPercent, long? DiscountAmount, DateOnly? StartsOn, DateOnly? EndsOn, long? MinimumOrderAmount,
    List<long> AppliesToItemIds, List<long> AppliesToGroupIds, bool OncePerClient, int? MaxUses);

public sealed record ItemBody(
    long Id, int Version, long PriceListId, long GroupId, string Code, string Description, string Type, long Price, long? Cost,
    bool Taxable, bool NeedsImage, string? CropAspectRatio, long? ProductionTypeId, bool AvailableOnline, int Position,
    PackageBody? Package, PromotionBody? Promotion, DateTimeOffset? DeletedAt, string? PrintSize = null);

public sealed record Page<T>(List<T> Items, string? NextCursor);

/// <summary>Price lists, groups and items made through the API, each test under names of its own.</summary>
public static class SalesKit
{
    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    public static async Task<PriceListBody> CreateListAsync(this HttpClient caller, string? name = null, object? inStudio = null, object? online = null)
    {
        var response = await caller.PostAsJsonAsync("/api/v1/price-lists", new { name = name ?? Unique("List"), inStudio, online });
        return await response.ShouldBeAsync<PriceListBody>(HttpStatusCode.Created);
    }

    public static async Task<GroupBody> CreateGroupAsync(this HttpClient caller, long listId, string name)
    {
        var response = await caller.PostAsJsonAsync($"/api/v1/price-lists/{listId}/groups", new { name });
        return await response.ShouldBeAsync<GroupBody>(HttpStatusCode.Created);
    }

    public static Task<HttpResponseMessage> PostItemAsync(this HttpClient caller, long listId, object body) =>
        caller.PostAsJsonAsync($"/api/v1/price-lists/{listId}/items", body);

    public static async Task<ItemBody> CreateItemAsync(this HttpClient caller, long listId, object body) =>
        await (await caller.PostItemAsync(listId, body)).ShouldBeAsync<ItemBody>(HttpStatusCode.Created);

    /// <summary>A print: standard, needs an image, with a crop ratio.</summary>
    public static object Print(long groupId, string code, long price, string ratio = "4:5") =>
        new { groupId, code, description = $"{code} print", type = "standard", price, cost = price / 10, needsImage = true, cropAspectRatio = ratio };

    public static object Package(long groupId, string code, long price, params (long ItemId, int Quantity)[] components) => new
    {
        groupId, code, description = $"{code} package", type = "package", price,
        package = new { components = components.Select(c => new { itemId = c.ItemId, quantity = c.Quantity }).ToArray(), minPoses = 1, maxPoses = 3 },
    };

    public static async Task<ItemBody> GetItemAsync(this HttpClient caller, long id) =>
        await (await caller.GetAsync($"/api/v1/price-list-items/{id}")).ShouldBeAsync<ItemBody>(HttpStatusCode.OK);

    public static async Task<PriceListBody> GetListAsync(this HttpClient caller, long id) =>
        await (await caller.GetAsync($"/api/v1/price-lists/{id}")).ShouldBeAsync<PriceListBody>(HttpStatusCode.OK);

    public static async Task<List<ItemBody>> ItemsAsync(this HttpClient caller, long listId, string query = "")
    {
        var items = new List<ItemBody>();
        string? cursor = null;
        do
        {
            var url = $"/api/v1/price-lists/{listId}/items?limit=200{query}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            var page = await (await caller.GetAsync(url)).ShouldBeAsync<Page<ItemBody>>(HttpStatusCode.OK);
            items.AddRange(page.Items);
            cursor = page.NextCursor;
        } while (cursor is not null);
        return items;
    }

    public static HttpRequestMessage Put(string url, object body, int version) =>
        HttpAssertions.Json(HttpMethod.Put, url, body).WithIfMatch($"\"{version}\"");

    public static HttpRequestMessage Delete(string url, int version) =>
        new HttpRequestMessage(HttpMethod.Delete, url).WithIfMatch($"\"{version}\"");

    /// <summary>A price list file as a multipart upload, as a browser's form or the SDKs send it.</summary>
    public static async Task<HttpResponseMessage> ImportAsync(this HttpClient caller, long listId, byte[] file, string fileName, bool dryRun = false, string? idempotencyKey = null)
    {
        // A fixed boundary, so a retry sends the very bytes of the first request (as a client resending its request does).
        var content = new MultipartFormDataContent("StudioApiTestBoundary");
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(part, "file", fileName);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/price-lists/{listId}/import{(dryRun ? "?dryRun=true" : "")}") { Content = content };
        if (idempotencyKey is not null)
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await caller.SendAsync(request);
    }

    public static JsonElement Report(this JsonElement problem) => problem.GetProperty("report");
}

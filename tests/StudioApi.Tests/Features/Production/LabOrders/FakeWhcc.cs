using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Production.LabOrders;

/// <summary>
/// A local server speaking WHCC's Order Submit API as WHCC documents it (https://developer.whcc.com/pages/order-submit-api/):
/// <c>GET /api/AccessToken</c> (grant_type=consumer_credentials, consumer_key, consumer_secret → {"Token"}),
/// <c>POST /api/OrderImport</c> (Bearer token; the Order Request Schema's fields checked → {"ConfirmationID", …}),
/// <c>POST /api/OrderImport/Submit/{ConfirmationID}</c> (→ {"Confirmation", "ConfirmationID", "ConfirmedOrders", "Received"}),
/// errors as {"ErrorNumber", "Message"} with WHCC's codes (403.0x credentials, 412.02 business rules, 412.03 unknown
/// confirmation, 412.04 "This entry already submitted", also for a second order under a submitted EntryId). It makes
/// the Status and Event webhooks of the Webhook Types page and signs them as "Security and Signatures" says.
/// </summary>
public sealed partial class FakeWhcc : IAsyncDisposable
{
    public const string ConsumerKey = "B431BE78D2E9FFFE3709";
    public const string ConsumerSecret = "RkZGRTM3MDk=";

    readonly WebApplication server;
    readonly ConcurrentDictionary<string, bool> tokens = new();
    int orderNumbers = 14989342;

    FakeWhcc(WebApplication server) => this.server = server;

    public string Url { get; private set; } = "";

    /// <summary>Every import it took, by ConfirmationID: the order request as sent.</summary>
    public ConcurrentDictionary<string, JsonObject> Imports { get; } = new();

    /// <summary>The imports it was told to produce (ConfirmationID → WHCC order number): what the lab will make.</summary>
    public ConcurrentDictionary<string, int> Submitted { get; } = new();

    /// <summary>Submit calls it answered 412.04, this entry already submitted.</summary>
    public int DuplicatesRefused;

    /// <summary>The next submit is taken, then answered 503 (a lost answer: the caller cannot know it went through).</summary>
    public volatile bool LoseNextSubmitAnswer;

    public static async Task<FakeWhcc> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var server = builder.Build();
        var fake = new FakeWhcc(server);
        server.MapGet("/api/AccessToken", fake.AccessTokenAsync);
        server.MapPost("/api/OrderImport", fake.ImportAsync);
        server.MapPost("/api/OrderImport/Submit/{confirmationId}", (HttpContext context, string confirmationId) => fake.SubmitAsync(context, confirmationId));
        await server.StartAsync();
        fake.Url = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return fake;
    }

    async Task AccessTokenAsync(HttpContext context)
    {
        var q = context.Request.Query;
        if (q["grant_type"] != "consumer_credentials")
            await ErrorAsync(context, 403, "403.05", "You are not authorized to access the resource you requested: Incorrect grant_type");
        else if (q["consumer_key"] != ConsumerKey)
            await ErrorAsync(context, 403, "403.03", "You are not authorized to access the resource you requested: Expired or incorrect consumer key");
        else if (q["consumer_secret"] != ConsumerSecret)
            await ErrorAsync(context, 403, "403.04", "You are not authorized to access the resource you requested: Incorrect consumer secret");
        else
        {
            var token = RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);
            tokens[token] = true;
            await context.Response.WriteAsJsonAsync(new JsonObject
            {
                ["ClientId"] = "10072", ["ConsumerKey"] = ConsumerKey, ["EffectiveDate"] = DateTime.UtcNow.ToString("G", CultureInfo.InvariantCulture),
                ["ExpirationDate"] = DateTime.UtcNow.AddHours(1).ToString("G", CultureInfo.InvariantCulture), ["Token"] = token,
            });
        }
    }

    bool Authorized(HttpContext context) =>
        context.Request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.Ordinal) && tokens.ContainsKey(header[7..]);

    async Task ImportAsync(HttpContext context)
    {
        if (!Authorized(context))
        {
            await ErrorAsync(context, 403, "403.01", "You are not authorized to access the resource you requested: Expired or incorrect access token");
            return;
        }
        var order = await JsonNode.ParseAsync(context.Request.Body) as JsonObject;
        var broken = order is null ? "not a JSON object" : Broken(order);
        if (order is null || broken is not null)
        {
            await ErrorAsync(context, 412, "412.02", $"Invalid Business Rules: {broken}");
            return;
        }
        var entry = order["EntryId"]!.GetValue<string>();
        if (Imports.Any(i => i.Value["EntryId"]!.GetValue<string>() == entry && Submitted.ContainsKey(i.Key)))
        {
            Interlocked.Increment(ref DuplicatesRefused);
            await ErrorAsync(context, 412, "412.04", "This entry already submitted");
            return;
        }
        var confirmation = Guid.NewGuid().ToString();
        Imports[confirmation] = order;
        await context.Response.WriteAsJsonAsync(new JsonObject
        {
            ["Account"] = "10072", ["ConfirmationID"] = confirmation, ["EntryID"] = entry, ["Key"] = ConsumerKey, ["NumberOfOrders"] = 1,
            ["Orders"] = new JsonArray(new JsonObject { ["SequenceNumber"] = "1", ["Note"] = "" }),
            ["Received"] = DateTime.UtcNow.ToString("G", CultureInfo.InvariantCulture),
        });
    }

    async Task SubmitAsync(HttpContext context, string confirmationId)
    {
        if (!Authorized(context))
            await ErrorAsync(context, 403, "403.01", "You are not authorized to access the resource you requested: Expired or incorrect access token");
        else if (!Imports.ContainsKey(confirmationId))
            await ErrorAsync(context, 412, "412.03", "Invalid Confirmation Id");
        else if (!Submitted.TryAdd(confirmationId, Interlocked.Increment(ref orderNumbers)))
        {
            Interlocked.Increment(ref DuplicatesRefused);
            await ErrorAsync(context, 412, "412.04", "This entry already submitted");
        }
        else if (LoseNextSubmitAnswer)
        {
            LoseNextSubmitAnswer = false;
            context.Response.StatusCode = 503;
        }
        else
            await context.Response.WriteAsJsonAsync(new JsonObject
            {
                ["Confirmation"] = $"Entry ID={confirmationId}: Confirmed order submitted.", ["ConfirmationID"] = confirmationId, ["ConfirmedOrders"] = 1,
                ["Received"] = DateTime.UtcNow.ToString("G", CultureInfo.InvariantCulture),
            });
    }

    /// <summary>What of the Order Request Schema the request breaks, or null.</summary>
    static string? Broken(JsonObject order)
    {
        if (order["EntryId"]?.GetValue<string>() is not { Length: > 0 })
            return "EntryId is required";
        if (order["Orders"] is not JsonArray { Count: > 0 } orders)
            return "Orders is required";
        foreach (var o in orders.OfType<JsonObject>())
        {
            if (o["SequenceNumber"] is null)
                return "SequenceNumber is required";
            if (o["Reference"]?.GetValue<string>() is { Length: > 32 })
                return "Reference is at most 32 characters";
            if (o["ShipToAddress"] is not JsonObject to || to["Name"] is null || to["Addr1"] is null || to["City"] is null || to["Zip"] is null)
                return "ShipToAddress needs Name, Addr1, City and Zip";
            if (o["ShipFromAddress"] is not JsonObject)
                return "ShipFromAddress is required";
            if (o["OrderItems"] is not JsonArray { Count: > 0 } items)
                return "OrderItems is required";
            foreach (var item in items.OfType<JsonObject>())
            {
                if (item["ProductUID"]?.GetValueKind() != System.Text.Json.JsonValueKind.Number || item["Quantity"]?.GetValue<int>() is not > 0)
                    return "ProductUID and a Quantity of at least 1 are required";
                foreach (var asset in (item["ItemAssets"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    if (asset["ProductNodeID"] is null || asset["AssetPath"]?.GetValue<string>() is not { } path || !Uri.IsWellFormedUriString(path, UriKind.Absolute))
                        return "ItemAssets need a ProductNodeID and an absolute AssetPath";
                    if (asset["ImageHash"]?.GetValue<string>() is not { } hash || !Md5().IsMatch(hash))
                        return "ImageHash is the asset's MD5";
                }
                if ((item["ItemAttributes"] as JsonArray ?? []).Any(a => a?["AttributeUID"] is null))
                    return "ItemAttributes need an AttributeUID";
            }
        }
        return null;
    }

    static Task ErrorAsync(HttpContext context, int status, string number, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new JsonObject { ["ErrorNumber"] = number, ["Message"] = message });
    }

    /// <summary>The Status webhook: accepted (Webhook Types, "Accepted Example").</summary>
    public string Accepted(string confirmationId) => new JsonObject
    {
        ["Status"] = "Accepted", ["Errors"] = new JsonArray(), ["OrderNumber"] = Submitted[confirmationId], ["Event"] = "Processed",
        ["ConfirmationId"] = confirmationId, ["EntryId"] = Imports[confirmationId]["EntryId"]!.GetValue<string>(),
        ["Reference"] = Imports[confirmationId]["Orders"]![0]!["Reference"]!.GetValue<string>(), ["SequenceNumber"] = "1",
    }.ToJsonString();

    /// <summary>The Status webhook: rejected, one error per asset path ("Rejected Example").</summary>
    public string Rejected(string confirmationId, params string[] assetPaths) => new JsonObject
    {
        ["Status"] = "Rejected",
        ["Errors"] = new JsonArray(assetPaths.Select(p => (JsonNode)new JsonObject
        {
            ["ErrorCode"] = "400.03", ["Error"] = "Error copying files from consumer.", ["AssetPath"] = p,
        }).ToArray()),
        ["Event"] = "Processed", ["ConfirmationId"] = confirmationId, ["EntryId"] = Imports[confirmationId]["EntryId"]!.GetValue<string>(),
        ["Reference"] = Imports[confirmationId]["Orders"]![0]!["Reference"]!.GetValue<string>(), ["SequenceNumber"] = "1",
    }.ToJsonString();

    /// <summary>The Event webhook: shipped, with its shipping info.</summary>
    public string Shipped(string confirmationId, string trackingNumber) => new JsonObject
    {
        ["ShippingInfo"] = new JsonArray(new JsonObject
        {
            ["Carrier"] = "FedEx", ["ShipDate"] = "2018-12-31T06:18:38-06:00", ["TrackingNumber"] = trackingNumber,
            ["TrackingUrl"] = $"http://www.fedex.com/Tracking?tracknumbers={trackingNumber}", ["Weight"] = 0.35,
        }),
        ["OrderNumber"] = Submitted[confirmationId], ["Event"] = "Shipped", ["ConfirmationId"] = confirmationId,
        ["EntryId"] = Imports[confirmationId]["EntryId"]!.GetValue<string>(),
        ["Reference"] = Imports[confirmationId]["Orders"]![0]!["Reference"]!.GetValue<string>(), ["SequenceNumber"] = "1",
    }.ToJsonString();

    /// <summary>WHCC-Signature: t=unix time,v1=uppercase hex HMAC-SHA256(consumer secret, "t.body").</summary>
    public static string Sign(string body, DateTimeOffset at, string secret = ConsumerSecret)
    {
        var t = at.ToUnixTimeSeconds();
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}"));
        return $"t={t},v1={Convert.ToHexString(mac)}";
    }

    public static HttpRequestMessage Callback(long vendorId, string body, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/lab-callbacks/whcc/{vendorId}")
            { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null)
            request.Headers.TryAddWithoutValidation("WHCC-Signature", signature);
        return request;
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex Md5();

    public async ValueTask DisposeAsync()
    {
        await server.StopAsync();
        await server.DisposeAsync();
    }
}

/// <summary>The app with its lab worker retrying fast, and a <see cref="FakeWhcc"/> of its own.</summary>
public sealed class LabStudioApi : IAsyncLifetime
{
    public StudioApiFactory App { get; } = new();
    public FakeWhcc Whcc { get; private set; } = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        Whcc = await FakeWhcc.StartAsync();
        App.Settings["Background:lab-submissions:BackoffSeconds"] = "0.2";
        App.Settings["Background:lab-submissions:PollSeconds"] = "0.2";
        await App.InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await ((IAsyncLifetime)App).DisposeAsync();
        await Whcc.DisposeAsync();
    }
}

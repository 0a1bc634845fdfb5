using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using StudioApi.Features.Production.Vendors;

namespace StudioApi.Features.Production.LabOrders.Whcc;

/// <summary>
/// WHCC's Order Submit API, as published at https://developer.whcc.com/pages/order-submit-api/ (mirrored as
/// https://www.whcc.com/developer/docs/order-submit-api/):
/// <list type="bullet">
/// <item>Request Access Token: <c>GET /api/AccessToken</c> with grant_type=consumer_credentials, consumer_key and
/// consumer_secret, answering <c>{"Token": …}</c> valid for an hour; WHCC suggests a new token per order, used for
/// both the import and the submit.</item>
/// <item>Order Import: <c>POST /api/OrderImport</c> (Bearer token) with the order request JSON (Order Request Schema:
/// EntryId, Orders[SequenceNumber, Reference, ShipToAddress, ShipFromAddress, OrderAttributes, OrderItems[ProductUID,
/// Quantity, ItemAssets[ProductNodeID, AssetPath, ImageHash (MD5), PrintedFileName, AutoRotate], ItemAttributes]]),
/// answering the ConfirmationID.</item>
/// <item>Order Submit: <c>POST /api/OrderImport/Submit/{ConfirmationID}</c>, answering Confirmation,
/// ConfirmationID, ConfirmedOrders, Received. Errors come as {"ErrorNumber": "412.04", "Message": "This entry already
/// submitted"} (Order Import Errors): 412.04 means an earlier attempt submitted it.</item>
/// <item>Webhooks (Webhook Types, Security and Signatures): a Status webhook (Event "Processed", Status "Accepted" or
/// "Rejected" with Errors[ErrorCode, Error, AssetPath]) and an Event webhook (Event "Shipped" with
/// ShippingInfo[Carrier, TrackingNumber, TrackingUrl, ShipDate]), each signed in the header
/// <c>WHCC-Signature: t=&lt;unix time&gt;,v1=&lt;hex HMAC-SHA256(consumer secret, t + "." + body)&gt;</c>; only v1
/// signatures count (downgrade), compared in constant time (timing), and the timestamp must be recent (replay).</item>
/// </list>
/// The rendered file of each line is sent already cut and sized, so the product's single image node (ProductNodeID
/// 10000, as in WHCC's examples) takes it whole.
/// </summary>
public sealed class WhccOrderSubmitApi(IHttpClientFactory http) : ILabAdapter
{
    public const string SignatureHeader = "WHCC-Signature";
    /// <summary>The single image node of a print product in WHCC's catalog examples.</summary>
    const int ImageNode = 10000;

    public LabProtocol Protocol => LabProtocol.Whcc;

    public async Task<LabSubmitted> SubmitAsync(LabSubmission submission, LabOrderDocument document, IReadOnlyDictionary<long, string> md5ByLine, LabCredentials credentials,
        Func<string, Task> recordConfirmation, CancellationToken ct)
    {
        if (credentials is not { Key: { } key, Secret: { } secret })
            throw new LabRefusedException("The vendor has no WHCC consumer key and secret: set labKey and labSecret.");
        var order = RequestOf(submission, document, md5ByLine, credentials.ShippingCode);
        using var client = http.CreateClient(nameof(WhccOrderSubmitApi));
        client.BaseAddress = new Uri(credentials.ApiUrl.TrimEnd('/') + "/");

        var token = await AccessTokenAsync(client, key, secret, ct);
        var confirmation = submission.LabConfirmationId;
        if (confirmation is null)
        {
            var imported = await SendAsync(client, HttpMethod.Post, "api/OrderImport", token, JsonContent.Create(order), ct);
            confirmation = imported["ConfirmationID"]?.GetValue<string>()
                           ?? throw new HttpRequestException("WHCC's order import answered without a ConfirmationID.");
            // Recorded before the submit: a retry submits this import again (WHCC answers 412.04), never imports a second order.
            await recordConfirmation(confirmation);
        }

        try
        {
            var submitted = await SendAsync(client, HttpMethod.Post, $"api/OrderImport/Submit/{Uri.EscapeDataString(confirmation)}", token,
                new ByteArrayContent([]), ct);
            return new LabSubmitted(submitted["Confirmation"]?.GetValue<string>() ?? submitted.ToJsonString(), confirmation, null, FoundAlready: false);
        }
        catch (WhccError e) when (e.Number == "412.04")
        {
            return new LabSubmitted($"WHCC had the order submitted already ({e.Number}: {e.Message}).", confirmation, null, FoundAlready: true);
        }
    }

    /// <summary>WHCC's order request for the document (one order per entry; its EntryId is our key for this round).</summary>
    public static JsonObject RequestOf(LabSubmission submission, LabOrderDocument document, IReadOnlyDictionary<long, string> md5ByLine, string? shippingCode)
    {
        var items = new JsonArray();
        foreach (var item in document.Items)
        {
            if (!int.TryParse(item.LabCode, NumberStyles.None, CultureInfo.InvariantCulture, out var productUid))
                throw new LabRefusedException($"Line {item.LineId} ({item.Code}): WHCC names products by a number (ProductUID); set the vendor's labProducts for its item.");
            if (item.Image is not { File: { } file })
                throw new LabRefusedException($"Line {item.LineId} ({item.Code}) has no rendered file: render the order (POST /render-runs with its productionOrderId).");
            items.Add(new JsonObject
            {
                ["ProductUID"] = productUid,
                ["Quantity"] = item.Quantity,
                ["ItemAssets"] = new JsonArray(new JsonObject
                {
                    ["ProductNodeID"] = ImageNode,
                    ["AssetPath"] = file.Url,
                    ["ImageHash"] = md5ByLine.GetValueOrDefault(item.LineId), // MD5, lowercase hex, as in WHCC's example
                    ["PrintedFileName"] = file.Name,
                    ["AutoRotate"] = true,
                }),
                ["ItemAttributes"] = Attributes(item.LabOptions),
            });
        }
        return new JsonObject
        {
            ["EntryId"] = submission.LabKey,
            ["Orders"] = new JsonArray(new JsonObject
            {
                ["SequenceNumber"] = 1,
                ["Instructions"] = null,
                ["Reference"] = document.Reference, // String - 32: PO-{number}
                ["SendNotificationEmailAddress"] = null,
                ["SendNotificationEmailToAccount"] = true,
                ["ShipToAddress"] = Address(document.ShipTo),
                ["ShipFromAddress"] = Address(document.ShipFrom),
                // The shipping and packaging attributes WHCC's catalog lists, as the vendor's shipping code ("96,545").
                ["OrderAttributes"] = Attributes(shippingCode?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? []),
                ["OrderItems"] = items,
            }),
        };
    }

    static JsonArray Attributes(IEnumerable<string> codes)
    {
        var list = new JsonArray();
        foreach (var code in codes)
            list.Add(new JsonObject
            {
                ["AttributeUID"] = int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var uid)
                    ? uid
                    : throw new LabRefusedException($"WHCC names attributes by a number (AttributeUID); '{code}' is not one."),
            });
        return list;
    }

    static JsonObject Address(LabOrderAddress a) => new()
    {
        ["Name"] = a.Name, ["Attn"] = null, ["Addr1"] = a.Line1, ["Addr2"] = a.Line2, ["City"] = a.City, ["State"] = a.Region,
        ["Zip"] = a.PostalCode, ["Country"] = a.Country, ["Phone"] = a.Phone,
    };

    static async Task<string> AccessTokenAsync(HttpClient client, string key, string secret, CancellationToken ct)
    {
        // The documented call is a GET with the three fields; sent as its query, as WHCC's own Ruby client does.
        var path = $"api/AccessToken?grant_type=consumer_credentials&consumer_key={Uri.EscapeDataString(key)}&consumer_secret={Uri.EscapeDataString(secret)}";
        var answer = await SendAsync(client, HttpMethod.Get, path, token: null, content: null, ct);
        return answer["Token"]?.GetValue<string>() ?? throw new HttpRequestException("WHCC's access token answer has no Token.");
    }

    static async Task<JsonObject> SendAsync(HttpClient client, HttpMethod method, string path, string? token, HttpContent? content, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        JsonObject? body = null;
        try
        {
            body = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
        }
        if (body?["ErrorNumber"] is { } number)
        {
            var error = new WhccError(number.ToString(), body["Message"]?.ToString() ?? text);
            // 403.xx: the credentials; 412.01–.03: the order itself; 400.xx: the assets. Sending it again as it is fails the same way.
            if (error.Number != "412.04" && (error.Number.StartsWith("403", StringComparison.Ordinal) || error.Number.StartsWith("412", StringComparison.Ordinal)
                                             || error.Number.StartsWith("400", StringComparison.Ordinal)))
                throw new LabRefusedException($"WHCC refused it ({error.Number}): {error.Message}", error);
            throw error;
        }
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.BadRequest or HttpStatusCode.PreconditionFailed)
            throw new LabRefusedException($"WHCC refused it ({(int)response.StatusCode}): {Trim(text)}");
        if (!response.IsSuccessStatusCode || body is null)
            throw new HttpRequestException($"WHCC answered {(int)response.StatusCode}: {Trim(text)}");
        return body;
    }

    public LabCallback? ReadCallback(string body, IHeaderDictionary headers, LabCredentials credentials, DateTimeOffset now, TimeSpan tolerance)
    {
        if (credentials.Secret is not { } secret || !Verify(body, headers[SignatureHeader].ToString(), secret, now, tolerance))
            return null;
        JsonObject? json;
        try
        {
            json = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
        if (json is null)
            return null;
        // WHCC's callbacks carry no event id: the signed body itself is the event (a redelivery repeats it word for word).
        var eventId = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
        var confirmation = json["ConfirmationId"]?.ToString();
        var entry = json["EntryId"]?.ToString();
        var orderNumber = json["OrderNumber"]?.ToString();
        var ev = json["Event"]?.ToString();
        var status = json["Status"]?.ToString();
        if (ev == "Processed" && status == "Accepted")
            return new LabCallback(eventId, confirmation, entry, LabCallbackKind.Accepted, orderNumber, [], null, null, null, $"WHCC accepted the order as {orderNumber}.");
        if (ev == "Processed" && status == "Rejected")
        {
            var errors = (json["Errors"] as JsonArray ?? []).OfType<JsonObject>().Select(e => new LabSubmissionError
            {
                Code = e["ErrorCode"]?.ToString(), Message = e["Error"]?.ToString() ?? "", AssetUrl = e["AssetPath"]?.ToString(),
            }).ToList();
            return new LabCallback(eventId, confirmation, entry, LabCallbackKind.Rejected, orderNumber, errors, null, null, null,
                "WHCC rejected the order: " + string.Join("; ", errors.Select(e => $"{e.Code} {e.Message}".Trim())));
        }
        if (ev == "Shipped")
        {
            var packages = (json["ShippingInfo"] as JsonArray ?? []).OfType<JsonObject>().ToList();
            var carrier = packages.Select(p => p["Carrier"]?.ToString()).FirstOrDefault(c => !string.IsNullOrEmpty(c));
            var tracking = string.Join(", ", packages.Select(p => p["TrackingNumber"]?.ToString()).Where(t => !string.IsNullOrEmpty(t)));
            var url = packages.Select(p => p["TrackingUrl"]?.ToString()).FirstOrDefault(u => !string.IsNullOrEmpty(u));
            return new LabCallback(eventId, confirmation, entry, LabCallbackKind.Shipped, orderNumber, [], carrier, tracking.Length == 0 ? null : tracking, url,
                $"WHCC shipped the order ({carrier} {tracking}).");
        }
        return new LabCallback(eventId, confirmation, entry, LabCallbackKind.Other, orderNumber, [], null, null, null, $"WHCC: {ev} {status}".Trim());
    }

    /// <summary>Checks a WHCC-Signature header as WHCC's "Security and Signatures" page says.</summary>
    public static bool Verify(string body, string? header, string secret, DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrEmpty(header))
            return false;
        long? timestamp = null;
        var signatures = new List<string>();
        foreach (var element in header.Split(','))
        {
            var pair = element.Trim().Split('=', 2);
            if (pair.Length != 2)
                continue;
            if (pair[0] == "t" && long.TryParse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture, out var t))
                timestamp = t;
            else if (pair[0] == "v1")
                signatures.Add(pair[1]); // any other version is ignored (a downgrade attack)
        }
        if (timestamp is not { } ts || signatures.Count == 0)
            return false;
        if ((now - DateTimeOffset.FromUnixTimeSeconds(ts)).Duration() > tolerance)
            return false;
        var expected = Encoding.ASCII.GetBytes(Sign(body, ts, secret));
        return signatures.Any(s => CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(s.ToUpperInvariant())));
    }

    /// <summary>The v1 signature of a body at a time: uppercase hex, as in WHCC's sample header.</summary>
    public static string Sign(string body, long timestamp, string secret) =>
        Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret),
            Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "." + body)));

    static string Trim(string text) => text.Length <= 500 ? text : text[..500];
}

/// <summary>An error WHCC answered in its documented shape ({"ErrorNumber", "Message"}).</summary>
public sealed class WhccError(string number, string message) : Exception($"WHCC error {number}: {message}")
{
    public string Number { get; } = number;
}

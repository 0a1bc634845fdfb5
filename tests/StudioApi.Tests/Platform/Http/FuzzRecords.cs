using System.Net.Http.Json;
using System.Text.Json.Nodes;
using StudioApi.Platform.Auth;
using StudioApi.Features.Setup.Users;
using StudioApi.Tests.Features.Imaging.Images;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Platform.Http;

/// <summary>
/// Live records for <see cref="ContractFuzzTests"/> to aim at, so hostile input reaches past "no such record": ids by the
/// path segment that names their collection (<c>clients</c>, <c>calendar-events</c>), and by body field name
/// (<c>clientId</c>, <c>photographerIds</c>). A few are made by hand; the rest by every creating POST of the contract
/// called with an example body, so a new record kind is arranged without anyone writing code for it.
/// </summary>
public sealed class FuzzRecords
{
    readonly Dictionary<string, JsonNode> bySegment = new(StringComparer.Ordinal);
    readonly Dictionary<string, JsonNode> byName = new(StringComparer.Ordinal);

    /// <summary>Field names of people: they take a user's id.</summary>
    static readonly string[] People = ["user", "photographer", "assistant", "assignedUser", "assignedTo", "staff"];

    public void Add(string segment, JsonNode value) => bySegment.TryAdd(segment, value);

    /// <summary>The creating POSTs whose example body did not make a record (their operations are attacked with id 1).</summary>
    public List<string> NotArranged { get; } = [];

    /// <summary>The collections (path segments) that have a live record.</summary>
    public IEnumerable<string> Collections => bySegment.Keys.Order();

    /// <summary>A value for a field or parameter of this name (the studio's online booking key).</summary>
    public void AddValue(string name, JsonNode value) => byName[name] = value;

    public JsonNode? ValueFor(string name) => byName.TryGetValue(name, out var value) ? value.DeepClone() : null;

    public JsonNode? ForSegment(string segment) => bySegment.TryGetValue(segment, out var value) ? value.DeepClone() : null;

    /// <summary>A live id for a field named after a record: <c>sessionTypeId</c> → session-types, <c>relatedClientId</c> → clients.</summary>
    public long? IdFor(string fieldName)
    {
        var stem = fieldName.EndsWith("Ids", StringComparison.Ordinal) ? fieldName[..^3]
            : fieldName.EndsWith("Id", StringComparison.Ordinal) ? fieldName[..^2]
            : null;
        if (string.IsNullOrEmpty(stem))
            return null;
        var words = System.Text.RegularExpressions.Regex.Split(stem, "(?<=[a-z0-9])(?=[A-Z])").Select(w => w.ToLowerInvariant()).ToArray();
        // The whole stem (session-types), then its last words (related-client → clients, trigger-status → statuses).
        for (var skip = 0; skip < words.Length; skip++)
        {
            var kebab = string.Join('-', words[skip..]);
            foreach (var segment in new[] { $"{kebab}s", $"{kebab}es" })
                if (bySegment.TryGetValue(segment, out var value) && value is JsonValue v && v.TryGetValue<long>(out var id))
                    return id;
        }
        return People.Contains(stem, StringComparer.OrdinalIgnoreCase) || People.Any(p => stem.EndsWith(p, StringComparison.OrdinalIgnoreCase))
            ? IdFor("userId")
            : null;
    }

    /// <summary>Makes the records: a photographer, a client, an organization, a session with an image, a price list item, then whatever the creating POSTs make.</summary>
    public async Task ArrangeAsync(StudioApiFactory app, HttpClient admin, FuzzContract contract, HostileInput input)
    {
        var photographer = await app.CreateUserAsync($"fuzz-{Guid.NewGuid():N}"[..20], UserRole.Photographer);
        Add("users", photographer.Id);
        // Another person for assistantId, which may not be the photographer.
        Add("assistants", (await app.CreateUserAsync($"fuzz-{Guid.NewGuid():N}"[..20], UserRole.Photographer)).Id);

        async Task<long> CreateAsync(string path, object body)
        {
            var response = await admin.PostAsJsonAsync(path, body);
            var created = JsonNode.Parse(await response.Content.ReadAsStringAsync());
            response.IsSuccessStatusCode.ShouldBeTrue($"Arranging {path}: {created}");
            return created!["id"]!.GetValue<long>();
        }

        var clientId = await CreateAsync("/api/v1/clients", new { firstName = "Fuzz", lastName = "Target" });
        Add("clients", clientId);
        var organizationId = await CreateAsync("/api/v1/organizations", new { name = "Fuzz School", code = "FUZZ" });
        Add("organizations", organizationId);
        // A student of it, so an organization's picture day (bulk scheduling without clientIds) always has someone to
        // book (in the grade and year the examples name), whatever the attacks on clients before it left behind.
        await CreateAsync("/api/v1/clients", new { firstName = "Fuzz", lastName = "Student", student = new { organizationId, studentId = "FUZZ-1", grade = "Fuzz", graduationYear = 1900 } });
        var day = DateTime.UtcNow.Date.AddDays(60).ToString("yyyy-MM-dd");
        var sessionId = await CreateAsync("/api/v1/sessions", new { clientId, date = day, startTime = "09:00", endTime = "10:00", photographerId = photographer.Id });
        Add("sessions", sessionId);
        var import = await admin.ImportAsync(sessionId, ImageKit.File("Landscape_1.jpg"));
        var imported = JsonNode.Parse(await import.Content.ReadAsStringAsync());
        Add("images", imported!["files"]![0]!["image"]!["id"]!.GetValue<long>());

        var settings = JsonNode.Parse(await admin.GetStringAsync("/api/v1/settings"));
        AddValue("bookingKey", settings!["onlineBookingKey"]!.DeepClone());

        // A price list with a group and an item: an item's example body (every optional part filled in) is no valid item.
        var priceListId = await CreateAsync("/api/v1/price-lists", new { name = "Fuzz prices" });
        Add("price-lists", priceListId);
        var groupId = await CreateAsync($"/api/v1/price-lists/{priceListId}/groups", new { name = "Prints" });
        Add("price-list-groups", groupId);
        Add("price-list-items", await CreateAsync($"/api/v1/price-lists/{priceListId}/items",
            new { groupId, code = "8x10", description = "8x10 print", price = 4500, needsImage = true, cropAspectRatio = "4:5" }));

        // An invoice of a session fee with a payment on it; amounts in bodies (payments, refunds, credits, deposits) a small one.
        var feeId = await CreateAsync($"/api/v1/price-lists/{priceListId}/items", new { groupId, code = "FEE", description = "Session fee", type = "sessionFee", price = 100_000 });
        var invoiceId = await CreateAsync("/api/v1/invoices", new { clientId, priceListId, lines = new[] { new { itemId = feeId } } });
        Add("invoices", invoiceId);
        var methods = JsonNode.Parse(await admin.GetStringAsync("/api/v1/payment-methods?limit=200"))!["items"]!.AsArray();
        using var pay = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/invoices/{invoiceId}/payments")
        {
            Content = JsonContent.Create(new { amount = 5000, methodId = methods.First(m => m!["name"]!.GetValue<string>() == "Cash")!["id"]!.GetValue<long>() }),
        };
        pay.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var paid = await admin.SendAsync(pay);
        var payment = JsonNode.Parse(await paid.Content.ReadAsStringAsync());
        paid.IsSuccessStatusCode.ShouldBeTrue($"Arranging a payment: {payment}");
        Add("payments", payment!["id"]!.GetValue<long>());
        AddValue("amount", JsonValue.Create(100));

        // A production order of a framed print (made from an invoice, not by a creating POST of its own).
        var productionTypeId = await CreateAsync("/api/v1/production-types", new { name = "Fuzz frames" });
        var frameId = await CreateAsync($"/api/v1/price-lists/{priceListId}/items", new { groupId, code = "FRAME", description = "Frame", price = 3000, productionTypeId });
        var framedId = await CreateAsync("/api/v1/invoices", new { clientId, sessionId, priceListId, lines = new[] { new { itemId = frameId } } });
        var made = JsonNode.Parse(await (await admin.PostAsync($"/api/v1/invoices/{framedId}/production-orders", null)).Content.ReadAsStringAsync());
        Add("production-orders", made!["made"]![0]!["id"]!.GetValue<long>());

        // Twice, so a record whose example needs another kind's id (a render job needs a profile) finds it the second time.
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var operation in contract.Operations.Where(o => o is { Method: "POST", TakesJson: true }))
            {
                var segment = operation.Path.Split('/').Last(s => !s.StartsWith('{'));
                if (bySegment.ContainsKey(segment))
                    continue;
                var path = Fill(operation, contract);
                var body = input.Example(operation.Body!.Value.Schema, null);
                var response = await admin.PostAsJsonAsync(path, body);
                var text = await response.Content.ReadAsStringAsync();
                if (response.IsSuccessStatusCode && response.Content.Headers.ContentType?.MediaType == "application/json"
                    && JsonNode.Parse(text) is JsonObject created && created["id"] is JsonValue id)
                {
                    Add(segment, id.DeepClone());
                    // Made under its parent (/price-lists/{id}/items) but addressed by its own collection (/price-list-items/{id}).
                    if (response.Headers.Location?.OriginalString.Split('/') is [.., var collection, var last] && last == id.ToString())
                        Add(collection, id.DeepClone());
                }
                else if (pass == 1)
                    NotArranged.Add($"{operation.Id} {(int)response.StatusCode} {(text.Length > 200 ? text[..200] : text)}");
            }
        }
    }

    /// <summary>
    /// The operation's path with a value for each parameter: <paramref name="hostileValue"/> for <paramref name="hostileParameter"/>,
    /// an enum's first value, the live record of the collection named before it (<c>/clients/{id}</c>), or 1.
    /// </summary>
    public string Fill(FuzzOperation operation, FuzzContract contract, string? hostileParameter = null, string? hostileValue = null)
    {
        var segments = operation.Path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (!segments[i].StartsWith('{'))
                continue;
            var close = segments[i].IndexOf('}');
            var name = segments[i][1..close];
            var schema = contract.Resolve(operation.In("path").FirstOrDefault(p => p.Name == name)?.Schema);
            string value;
            if (name == hostileParameter)
                value = hostileValue!;
            else if (schema?["enum"] is JsonArray { Count: > 0 } values)
                value = values[0]!.ToString();
            else
                value = ((i > 0 ? ForSegment(segments[i - 1]) : null) ?? (IdFor(name) is { } id ? JsonValue.Create(id) : null)) is { } live
                    ? Uri.EscapeDataString(live.ToString())
                    : "1";
            segments[i] = value + segments[i][(close + 1)..];
        }
        return string.Join('/', segments);
    }
}

using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using StudioApi.Platform.Auth;
using StudioApi.Tests.Features.Imaging.RenderRuns;
using StudioApi.Tests.Features.Sales;
using StudioApi.Tests.Infrastructure;
using StudioApi.Tests.Platform.Workflow;

namespace StudioApi.Tests.Features.Production.LabOrders;

/// <summary>
/// Production orders at the lab, through the API: the neutral lab order and the hot-folder package, and sending to a
/// local server speaking WHCC's documented Order Submit API (<see cref="FakeWhcc"/>) on the background engine, with
/// WHCC's signed callbacks moving the order (accepted, rejected per image, shipped), replays and forgeries changing nothing.
/// </summary>
public sealed class LabOrderTests(LabStudioApi api) : IClassFixture<LabStudioApi>
{
    sealed record FileBody(string Name, string Url, DateTimeOffset UrlExpiresAt, long Bytes, string Sha256, int? WidthPx, int? HeightPx);
    sealed record CropPercentBody(double X, double Y, double Width, double Height);
    sealed record ImageBody(long ImageId, int Rotation, CropPercentBody? Crop, FileBody? File);
    sealed record ItemBody(long LineId, string LabCode, List<string> LabOptions, string Code, int Quantity, string? PrintSize, ImageBody? Image);
    sealed record AddressBody(string Name, string? Line1, string? City, string? PostalCode, string? Country);
    sealed record DocumentBody(int Format, long ProductionOrderId, string Reference, AddressBody ShipTo, AddressBody ShipFrom, long? RenderRunId, List<ItemBody> Items);
    sealed record ErrorBody(string? Code, string Message, string? AssetUrl, long? LineId);
    sealed record AttemptBody(int Round, int Attempt, string Outcome, string? Detail);
    sealed record SubmissionBody(long Id, string State, int Round, string LabKey, string? LabConfirmationId, string? LabOrderNumber, string? LabAnswer,
        string? Carrier, string? TrackingNumber, List<ErrorBody> Errors, int Attempts, List<AttemptBody> AttemptLog);
    sealed record CallbackBody(bool Received);
    sealed record VendorLabBody(long Id, bool HasLabKey, bool HasLabSecret, string? LabApiUrl);

    HttpClient Anonymous => api.App.CreateClient();

    /// <summary>A kiosk sale made into production orders, the prints' order going to a new vendor of <paramref name="method"/>, rendered.</summary>
    async Task<(HttpClient Admin, OrderBody Prints, long VendorId, ProductionShop Shop)> RenderedOrderAsync(string method = "labApi")
    {
        var admin = await api.App.AdminAsync();
        var p = await admin.OpenProductionShopAsync();
        await GiveAddressAsync(admin, p.Shop.ClientId);
        var vendor = await (await admin.PostAsJsonAsync("/api/v1/vendors", new
        {
            name = SalesKit.Unique("WHCC"), submissionMethod = method, labProtocol = method == "labApi" ? "whcc" : null,
            labApiUrl = method == "labApi" ? api.Whcc.Url : null, labKey = FakeWhcc.ConsumerKey, labSecret = FakeWhcc.ConsumerSecret,
            labShippingCode = "96,545", productionTypeIds = new[] { p.PrintsType },
            labProducts = new[] { new { priceListItemId = p.Print, labCode = "2", labOptions = new[] { "1", "5" } } },
        })).ShouldBeAsync<VendorLabBody>(HttpStatusCode.Created);
        // The credentials are kept, never shown.
        (vendor.HasLabKey, vendor.HasLabSecret).ShouldBe((true, true));
        (await admin.GetStringAsync($"/api/v1/vendors/{vendor.Id}")).ShouldNotContain(FakeWhcc.ConsumerSecret);

        var kiosk = await api.App.AsRoleAsync(UserRole.Sales);
        var invoice = await kiosk.SellAsync(p);
        var prints = (await (await kiosk.MakeOrdersAsync(invoice.Id)).ShouldBeAsync<MadeBody>(HttpStatusCode.OK)).Made.Single(o => o.ProductionTypeId == p.PrintsType);
        prints.VendorId.ShouldBe(vendor.Id);
        var profile = await (await admin.PostAsJsonAsync("/api/v1/render-profiles", new
        {
            name = SalesKit.Unique("Lab prints"), size = new { mode = "longEdge", longEdgePx = 300 }, format = "jpeg", dpi = 100,
            fileNamePattern = "{sessionNumber}-{imageNumber}-{fileNumber}", images = "ordered", honourCrops = false,
        })).ShouldBeAsync<ProductionOrderTests.IdOnly>(HttpStatusCode.Created);
        var run = await (await admin.PostAsJsonAsync("/api/v1/render-runs", new { profileId = profile.Id, productionOrderId = prints.Id }))
            .ShouldBeAsync<RunBody>(HttpStatusCode.Accepted);
        (await admin.WhenFinishedAsync(run.Id)).State.ShouldBe("completed");
        return (admin, prints, vendor.Id, p);
    }

    static async Task GiveAddressAsync(HttpClient admin, long clientId)
    {
        var client = (await admin.GetFromJsonAsync<JsonObject>($"/api/v1/clients/{clientId}"))!;
        client["addresses"] = new JsonArray(new JsonObject
        {
            ["label"] = "home", ["isPrimary"] = true,
            ["address"] = new JsonObject { ["line1"] = "2840 Lone Oak Parkway", ["city"] = "Eagan", ["region"] = "MN", ["postalCode"] = "55121", ["country"] = "US" },
        });
        (await admin.SendAsync(SalesKit.Put($"/api/v1/clients/{clientId}", client, client["version"]!.GetValue<int>()))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    async Task<SubmissionBody> SubmissionAsync(HttpClient caller, long orderId) =>
        await (await caller.GetAsync($"/api/v1/production-orders/{orderId}/lab-submission")).ShouldBeAsync<SubmissionBody>(HttpStatusCode.OK);

    async Task<SubmissionBody> WhenAsync(HttpClient caller, long orderId, string state) =>
        await Eventually.ValueAsync(async () =>
        {
            var s = await SubmissionAsync(caller, orderId);
            return s.State == state ? s : null;
        }, TimeSpan.FromSeconds(30), () => $"Still waiting for the lab submission of order {orderId} to be {state}.");

    [Fact]
    public async Task The_lab_order_names_lab_products_crops_in_percent_and_signed_files_and_a_hot_folder_vendor_gets_a_zip_of_it()
    {
        var (admin, prints, vendorId, p) = await RenderedOrderAsync(method: "hotFolderZip");

        var document = await (await admin.GetAsync($"/api/v1/production-orders/{prints.Id}/lab-order")).ShouldBeAsync<DocumentBody>(HttpStatusCode.OK);
        (document.Format, document.ProductionOrderId, document.Reference).ShouldBe((1, prints.Id, $"PO-{prints.Number}"));
        (document.ShipTo.Line1, document.ShipTo.City, document.ShipTo.Country).ShouldBe(("2840 Lone Oak Parkway", "Eagan", "US"));
        document.ShipTo.Name.ShouldStartWith("Ada ");
        document.Items.Select(i => (i.LabCode, string.Join(",", i.LabOptions), i.Quantity)).ShouldBe([("2", "1,5", 2), ("2", "1,5", 1)]);
        // The crop in percent of the frame: 64 % wide from 10 % in.
        var crop = document.Items[0].Image!.Crop!;
        (crop.X, crop.Y, crop.Width, crop.Height).ShouldBe((10, 0, 64, 100));

        // A lab fetches each file through its signed link, without an account; an altered link is refused.
        var file = document.Items[0].Image!.File!;
        var bytes = await Anonymous.GetByteArrayAsync(file.Url);
        Convert.ToHexStringLower(SHA256.HashData(bytes)).ShouldBe(file.Sha256);
        (await Anonymous.GetAsync(file.Url.Replace("sig=", "sig=x"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var other = document.Items[1].Image!.File!.Url;
        (await Anonymous.GetAsync(other[..other.IndexOf('?')] + file.Url[file.Url.IndexOf('?')..])).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // The hot folder's package: order.json and the files it names.
        using var zip = new ZipArchive(new MemoryStream(await admin.GetByteArrayAsync($"/api/v1/production-orders/{prints.Id}/lab-order/package")));
        zip.Entries.Select(e => e.FullName).Order().ShouldBe(new[] { "order.json" }.Concat(document.Items.Select(i => $"files/{i.Image!.File!.Name}")).Order());
        await using (var json = zip.GetEntry("order.json")!.Open())
            (await JsonSerializer.DeserializeAsync<DocumentBody>(json, JsonSerializerOptions.Web))!.Items.Count.ShouldBe(2);

        // A hot-folder vendor takes no API orders: 409, nothing queued.
        var refused = await (await admin.PostAsync($"/api/v1/production-orders/{prints.Id}/lab-submissions", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        refused.GetProperty("detail").GetString()!.ShouldContain("hot-folder package");
        (await admin.GetAsync($"/api/v1/production-orders/{prints.Id}/lab-submission")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // The frames' order has not been rendered: no package yet.
        var frames = (await admin.OrderListAsync($"/api/v1/invoices/{prints.InvoiceId}/production-orders")).Single(o => o.ProductionTypeId == p.FramesType);
        (await admin.GetAsync($"/api/v1/production-orders/{frames.Id}/lab-order/package")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        vendorId.ShouldBePositive();
    }

    [Fact]
    public async Task An_order_goes_to_WHCC_and_comes_back_shipped_and_a_replayed_or_forged_callback_changes_nothing()
    {
        var (admin, prints, vendorId, _) = await RenderedOrderAsync();
        var document = await (await admin.GetAsync($"/api/v1/production-orders/{prints.Id}/lab-order")).ShouldBeAsync<DocumentBody>(HttpStatusCode.OK);

        var queued = await admin.PostAsync($"/api/v1/production-orders/{prints.Id}/lab-submissions", null);
        (await queued.ShouldBeAsync<SubmissionBody>(HttpStatusCode.Accepted)).LabKey.ShouldBe($"PO-{prints.Number}-1");
        queued.Headers.Location!.ToString().ShouldBe($"/api/v1/production-orders/{prints.Id}/lab-submission");
        var sent = await WhenAsync(admin, prints.Id, "submitted");
        sent.AttemptLog.Select(a => a.Outcome).ShouldBe(["submitted"]);
        sent.LabAnswer!.ShouldContain("Confirmed order submitted");

        // WHCC got one order, as its schema says, each asset with the MD5 of the file its link serves.
        var imported = api.Whcc.Imports[sent.LabConfirmationId!];
        api.Whcc.Submitted.ContainsKey(sent.LabConfirmationId!).ShouldBeTrue();
        imported["EntryId"]!.GetValue<string>().ShouldBe($"PO-{prints.Number}-1");
        var order = imported["Orders"]![0]!;
        order["Reference"]!.GetValue<string>().ShouldBe($"PO-{prints.Number}");
        order["OrderAttributes"]!.AsArray().Select(a => a!["AttributeUID"]!.GetValue<int>()).ShouldBe([96, 545]);
        var items = order["OrderItems"]!.AsArray();
        items.Select(i => (i!["ProductUID"]!.GetValue<int>(), i["Quantity"]!.GetValue<int>())).ShouldBe([(2, 2), (2, 1)]);
        var asset = items[0]!["ItemAssets"]![0]!;
        var fetched = await Anonymous.GetByteArrayAsync(asset["AssetPath"]!.GetValue<string>());
        asset["ImageHash"]!.GetValue<string>().ShouldBe(Convert.ToHexStringLower(MD5.HashData(fetched)));
        asset["PrintedFileName"]!.GetValue<string>().ShouldBe(document.Items[0].Image!.File!.Name);

        // Asking again while it is at the lab: 409, nothing sent.
        (await admin.PostAsync($"/api/v1/production-orders/{prints.Id}/lab-submissions", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // WHCC's signed Status webhook: accepted, its order number the order's lab reference.
        var accepted = api.Whcc.Accepted(sent.LabConfirmationId!);
        (await (await Anonymous.SendAsync(FakeWhcc.Callback(vendorId, accepted, FakeWhcc.Sign(accepted, DateTimeOffset.UtcNow))))
            .ShouldBeAsync<CallbackBody>(HttpStatusCode.OK)).Received.ShouldBeTrue();
        var labNumber = api.Whcc.Submitted[sent.LabConfirmationId!].ToString();
        (await SubmissionAsync(admin, prints.Id)).State.ShouldBe("accepted");
        (await admin.OrderAsync(prints.Id)).LabReference.ShouldBe(labNumber);

        // Shipped: carrier and tracking on the order.
        var shipped = api.Whcc.Shipped(sent.LabConfirmationId!, "512376671311227");
        (await Anonymous.SendAsync(FakeWhcc.Callback(vendorId, shipped, FakeWhcc.Sign(shipped, DateTimeOffset.UtcNow)))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var done = await admin.OrderAsync(prints.Id);
        (done.Carrier, done.TrackingNumber, done.LabReference).ShouldBe(("FedEx", "512376671311227", labNumber));
        (await SubmissionAsync(admin, prints.Id)).State.ShouldBe("shipped");

        // Replayed (WHCC's redelivery, or someone who kept it): acknowledged, nothing changes; even the accepted one does not turn it back.
        foreach (var again in new[] { shipped, accepted })
            (await Anonymous.SendAsync(FakeWhcc.Callback(vendorId, again, FakeWhcc.Sign(again, DateTimeOffset.UtcNow)))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.OrderAsync(prints.Id)).Version.ShouldBe(done.Version);
        (await SubmissionAsync(admin, prints.Id)).State.ShouldBe("shipped");

        // Forged (another secret), altered, unsigned or signed long ago: 400, nothing changes.
        var forged = shipped.Replace("512376671311227", "999");
        foreach (var (body, signature) in new[]
                 {
                     (forged, FakeWhcc.Sign(forged, DateTimeOffset.UtcNow, "someone-else")),
                     (forged, FakeWhcc.Sign(shipped, DateTimeOffset.UtcNow)),
                     (forged, (string?)null),
                     (forged, FakeWhcc.Sign(forged, DateTimeOffset.UtcNow.AddHours(-1))),
                 })
        {
            var problem = await (await Anonymous.SendAsync(FakeWhcc.Callback(vendorId, body, signature))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
            problem.GetProperty("errors")[0].GetProperty("name").GetString().ShouldBe("WHCC-Signature");
        }
        (await admin.OrderAsync(prints.Id)).TrackingNumber.ShouldBe("512376671311227");
    }

    [Fact]
    public async Task A_lab_rejecting_an_image_names_its_line_and_the_order_goes_again_under_a_new_key()
    {
        var (admin, prints, vendorId, _) = await RenderedOrderAsync();
        (await admin.PostAsync($"/api/v1/production-orders/{prints.Id}/lab-submissions", null)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var sent = await WhenAsync(admin, prints.Id, "submitted");
        var badAsset = api.Whcc.Imports[sent.LabConfirmationId!]["Orders"]![0]!["OrderItems"]![1]!["ItemAssets"]![0]!["AssetPath"]!.GetValue<string>();

        var rejected = api.Whcc.Rejected(sent.LabConfirmationId!, badAsset);
        (await Anonymous.SendAsync(FakeWhcc.Callback(vendorId, rejected, FakeWhcc.Sign(rejected, DateTimeOffset.UtcNow)))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await SubmissionAsync(admin, prints.Id);
        refused.State.ShouldBe("rejected");
        refused.Errors.Single().ShouldBe(new ErrorBody("400.03", "Error copying files from consumer.", badAsset, prints.Lines[1].Id));

        // Sent again: round 2, a key WHCC has not seen, one more order at WHCC.
        var again = await (await admin.PostAsync($"/api/v1/production-orders/{prints.Id}/lab-submissions", null)).ShouldBeAsync<SubmissionBody>(HttpStatusCode.Accepted);
        (again.Round, again.LabKey).ShouldBe((2, $"PO-{prints.Number}-2"));
        var second = await WhenAsync(admin, prints.Id, "submitted");
        second.LabConfirmationId.ShouldNotBe(sent.LabConfirmationId);
        second.Errors.ShouldBeEmpty();
        // The first round's callbacks no longer move the order.
        var late = api.Whcc.Shipped(sent.LabConfirmationId!, "111");
        (await Anonymous.SendAsync(FakeWhcc.Callback(vendorId, late, FakeWhcc.Sign(late, DateTimeOffset.UtcNow)))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SubmissionAsync(admin, prints.Id)).State.ShouldBe("submitted");
        (await admin.OrderAsync(prints.Id)).TrackingNumber.ShouldBeNull();
    }

    /// <summary>Sends a callback signed with the vendor's secret, as WHCC does; each is acknowledged.</summary>
    async Task CallbackAsync(long vendorId, string body) =>
        (await Anonymous.SendAsync(FakeWhcc.Callback(vendorId, body, FakeWhcc.Sign(body, DateTimeOffset.UtcNow)))).StatusCode.ShouldBe(HttpStatusCode.OK);

    /// <summary>The order's status-log entries made by WHCC's callbacks, newest first.</summary>
    static async Task<List<StatusChangeBody>> LabMovesAsync(HttpClient caller, long orderId) =>
        (await (await caller.GetAsync($"/api/v1/production-orders/{orderId}/status-changes?limit=100")).ShouldBeAsync<StatusChangePage>(HttpStatusCode.OK))
        .Items.Where(e => e.ChangedBy == "lab:whcc").ToList();

    /// <summary>Statuses by type for production orders, the prints' type getting a copy of the general list (with its lab marks).</summary>
    static async Task<List<StatusBody>> OwnWorkflowAsync(HttpClient admin, long typeId)
    {
        (await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, "/api/v1/workflow/kinds/productionOrder/by-type", new { enabled = true, typeIds = new[] { typeId } })))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        return await admin.StatusesAsync("productionOrder", typeId);
    }

    [Fact]
    public async Task WHCCs_callbacks_move_the_order_to_the_statuses_its_workflow_marks_each_logged_and_a_replay_moves_nothing()
    {
        var (admin, prints, vendorId, p) = await RenderedOrderAsync();
        // The prints' workflow: the starting list's marks (At the Lab: accepted, Received: shipped) and a status for a rejection.
        var workflow = await OwnWorkflowAsync(admin, p.PrintsType);
        await admin.CreateStatusAsync("productionOrder", "Lab problem", days: 1, typeId: p.PrintsType, labEvent: "rejected");
        workflow.Where(s => s.LabEvent is not null).Select(s => (s.Description, s.LabEvent)).ShouldBe([("At the Lab", "accepted"), ("Received", "shipped")]);
        (await admin.OrderAsync(prints.Id)).Status!.Description.ShouldBe("New");

        // Rejected: to the problem status, the lab's per-image error in the log entry's note, due the next business day.
        (await admin.PostAsync($"/api/v1/production-orders/{prints.Id}/lab-submissions", null)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var first = await WhenAsync(admin, prints.Id, "submitted");
        var badAsset = api.Whcc.Imports[first.LabConfirmationId!]["Orders"]![0]!["OrderItems"]![1]!["ItemAssets"]![0]!["AssetPath"]!.GetValue<string>();
        await CallbackAsync(vendorId, api.Whcc.Rejected(first.LabConfirmationId!, badAsset));
        var rejected = await admin.OrderAsync(prints.Id);
        rejected.Status!.Description.ShouldBe("Lab problem");
        var problem = (await LabMovesAsync(admin, prints.Id)).ShouldHaveSingleItem();
        (problem.FromDescription, problem.ToDescription).ShouldBe(("New", "Lab problem"));
        problem.Note!.ShouldContain("400.03 Error copying files from consumer.");
        problem.DueDate.ShouldBeGreaterThan(problem.StatusDate);
        rejected.Status.DueDate.ShouldBe(problem.DueDate);

        // Sent again and accepted: at the lab. Shipped: received, with carrier and tracking; each move bumps the version.
        (await admin.PostAsync($"/api/v1/production-orders/{prints.Id}/lab-submissions", null)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var second = await WhenAsync(admin, prints.Id, "submitted");
        var accepted = api.Whcc.Accepted(second.LabConfirmationId!);
        await CallbackAsync(vendorId, accepted);
        var atLab = await admin.OrderAsync(prints.Id);
        atLab.Status!.Description.ShouldBe("At the Lab");
        atLab.Version.ShouldBeGreaterThan(rejected.Version);
        var shipped = api.Whcc.Shipped(second.LabConfirmationId!, "512376671311227");
        await CallbackAsync(vendorId, shipped);
        var done = await admin.OrderAsync(prints.Id);
        (done.Status!.Description, done.Carrier, done.TrackingNumber).ShouldBe(("Received", "FedEx", "512376671311227"));
        done.Version.ShouldBeGreaterThan(atLab.Version);
        var moves = await LabMovesAsync(admin, prints.Id);
        moves.Select(m => (m.FromDescription, m.ToDescription)).ShouldBe([("At the Lab", "Received"), ("Lab problem", "At the Lab"), ("New", "Lab problem")]);
        moves[0].Note!.ShouldContain("512376671311227");

        // Replayed, or a late acceptance after the shipment (another callback, not a replay): the order stays where it is.
        var lateAccepted = accepted.Replace("\"SequenceNumber\":\"1\"", "\"SequenceNumber\":\"2\"");
        lateAccepted.ShouldNotBe(accepted);
        foreach (var again in new[] { shipped, accepted, lateAccepted })
            await CallbackAsync(vendorId, again);
        var after = await admin.OrderAsync(prints.Id);
        (after.Status!.Description, after.Version).ShouldBe(("Received", done.Version));
        (await LabMovesAsync(admin, prints.Id)).Count.ShouldBe(3);
        (await SubmissionAsync(admin, prints.Id)).State.ShouldBe("shipped");
    }

    [Fact]
    public async Task Without_a_status_marked_for_the_lab_event_a_callback_leaves_the_orders_status()
    {
        var (admin, prints, vendorId, p) = await RenderedOrderAsync();
        foreach (var marked in (await OwnWorkflowAsync(admin, p.PrintsType)).Where(s => s.LabEvent is not null))
        {
            var status = (await admin.GetFromJsonAsync<JsonObject>($"/api/v1/workflow/statuses/{marked.Id}"))!;
            status["labEvent"] = null;
            (await admin.SendAsync(SalesKit.Put($"/api/v1/workflow/statuses/{marked.Id}", status, marked.Version))).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        (await admin.StatusesAsync("productionOrder", p.PrintsType)).ShouldAllBe(s => s.LabEvent == null);

        (await admin.PostAsync($"/api/v1/production-orders/{prints.Id}/lab-submissions", null)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var sent = await WhenAsync(admin, prints.Id, "submitted");
        await CallbackAsync(vendorId, api.Whcc.Accepted(sent.LabConfirmationId!));
        await CallbackAsync(vendorId, api.Whcc.Shipped(sent.LabConfirmationId!, "777"));

        // The callbacks did what they always did (the submission, the lab reference, the tracking), the status is untouched.
        (await SubmissionAsync(admin, prints.Id)).State.ShouldBe("shipped");
        var order = await admin.OrderAsync(prints.Id);
        (order.Status!.Description, order.TrackingNumber).ShouldBe(("New", "777"));
        order.LabReference.ShouldNotBeNull();
        (await LabMovesAsync(admin, prints.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_lost_answer_is_retried_without_ordering_twice_and_every_attempt_is_in_the_log()
    {
        var (admin, prints, _, _) = await RenderedOrderAsync();
        api.Whcc.LoseNextSubmitAnswer = true;
        var duplicatesBefore = api.Whcc.DuplicatesRefused;

        (await admin.PostAsync($"/api/v1/production-orders/{prints.Id}/lab-submissions", null)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var sent = await WhenAsync(admin, prints.Id, "submitted");

        // The first answer was lost after WHCC took the order; the retry submitted the same import, which WHCC refused as a duplicate.
        sent.AttemptLog.Select(a => (a.Attempt, a.Outcome)).ShouldBe([(2, "foundSubmitted"), (1, "retrying")]);
        api.Whcc.DuplicatesRefused.ShouldBe(duplicatesBefore + 1);
        api.Whcc.Imports.Count(i => i.Value["EntryId"]!.GetValue<string>() == sent.LabKey).ShouldBe(1);
        api.Whcc.Submitted.ContainsKey(sent.LabConfirmationId!).ShouldBeTrue();
    }

    [Fact]
    public async Task Wrong_credentials_fail_the_sending_at_once_with_WHCCs_answer()
    {
        var (admin, prints, vendorId, _) = await RenderedOrderAsync();
        var vendor = (await admin.GetFromJsonAsync<JsonObject>($"/api/v1/vendors/{vendorId}"))!;
        vendor["labSecret"] = "not-the-secret";
        (await admin.SendAsync(SalesKit.Put($"/api/v1/vendors/{vendorId}", vendor, vendor["version"]!.GetValue<int>()))).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await admin.PostAsync($"/api/v1/production-orders/{prints.Id}/lab-submissions", null)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var failed = await WhenAsync(admin, prints.Id, "failed");
        failed.LabAnswer!.ShouldContain("403.04");
        failed.AttemptLog.Select(a => a.Outcome).ShouldBe(["failed"]);
        api.Whcc.Imports.Values.ShouldNotContain(i => i["EntryId"]!.GetValue<string>() == failed.LabKey);
    }

    [Fact]
    public async Task A_lab_whose_protocol_is_not_built_is_refused_before_anything_is_queued()
    {
        var admin = await api.App.AdminAsync();
        var p = await admin.OpenProductionShopAsync();
        await (await admin.PostAsJsonAsync("/api/v1/vendors", new
        {
            name = SalesKit.Unique("Bay Photo"), submissionMethod = "labApi", labProtocol = "bayPhoto", labKey = "client-id", labSecret = "client-secret",
            productionTypeIds = new[] { p.PrintsType },
        })).ShouldBeAsync<VendorLabBody>(HttpStatusCode.Created);
        var invoice = await admin.SellAsync(p);
        var prints = (await (await admin.MakeOrdersAsync(invoice.Id)).ShouldBeAsync<MadeBody>(HttpStatusCode.OK)).Made.Single(o => o.ProductionTypeId == p.PrintsType);

        var refused = await (await admin.PostAsync($"/api/v1/production-orders/{prints.Id}/lab-submissions", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        refused.GetProperty("detail").GetString()!.ShouldContain("not built yet");
        (await admin.GetAsync($"/api/v1/production-orders/{prints.Id}/lab-submission")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task WHCCs_registration_verifier_is_taken_without_a_signature_and_changes_nothing()
    {
        var admin = await api.App.AdminAsync();
        var vendor = await (await admin.PostAsJsonAsync("/api/v1/vendors", new
        {
            name = SalesKit.Unique("WHCC"), submissionMethod = "labApi", labProtocol = "whcc", labKey = FakeWhcc.ConsumerKey, labSecret = FakeWhcc.ConsumerSecret,
        })).ShouldBeAsync<VendorLabBody>(HttpStatusCode.Created);
        var before = await admin.GetStringAsync($"/api/v1/vendors/{vendor.Id}");

        // WHCC posts the verifier right after /api/callback/create, unsigned; the studio sends it back to /api/callback/verify.
        var verifier = new JsonObject { ["verifier"] = "a53ae191-00f3-44f4-810c-19d88a5b4c16" }.ToJsonString();
        (await (await Anonymous.SendAsync(FakeWhcc.Callback(vendor.Id, verifier, signature: null))).ShouldBeAsync<CallbackBody>(HttpStatusCode.OK))
            .Received.ShouldBeTrue();
        (await admin.GetStringAsync($"/api/v1/vendors/{vendor.Id}")).ShouldBe(before);
    }

    [Fact]
    public async Task A_callback_larger_than_any_WHCC_sends_is_refused_before_it_is_read()
    {
        var huge = new JsonObject { ["verifier"] = new string('x', 300 * 1024) }.ToJsonString();
        var response = await Anonymous.SendAsync(FakeWhcc.Callback(1, huge, signature: null));
        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }
}

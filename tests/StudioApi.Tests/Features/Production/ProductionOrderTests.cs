using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using NetVips;
using StudioApi.Features.Production;
using StudioApi.Platform.Auth;
using StudioApi.Tests.Features.Imaging.RenderRuns;
using StudioApi.Tests.Features.Sales;
using StudioApi.Tests.Features.Sales.Invoices;
using StudioApi.Tests.Infrastructure;
using StudioApi.Tests.Platform.Workflow;

namespace StudioApi.Tests.Features.Production;

/// <summary>Production orders made from invoices, their lists, workflow, bulk crop and renders, through the API.</summary>
public sealed class ProductionOrderTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    [Fact]
    public async Task A_kiosk_sale_becomes_one_production_order_per_production_type_and_asking_again_makes_nothing_new()
    {
        var admin = await app.AdminAsync();
        var p = await admin.OpenProductionShopAsync();
        var kiosk = await app.AsRoleAsync(UserRole.Sales);
        var invoice = await kiosk.SellAsync(p);

        var made = await (await kiosk.MakeOrdersAsync(invoice.Id, key: Guid.NewGuid().ToString())).ShouldBeAsync<MadeBody>(HttpStatusCode.OK);
        made.Made.Count.ShouldBe(2);
        var prints = made.Made.Single(o => o.ProductionTypeId == p.PrintsType);
        var frames = made.Made.Single(o => o.ProductionTypeId == p.FramesType);
        (prints.InvoiceId, prints.InvoiceNumber, prints.ClientId, prints.SessionId).ShouldBe((invoice.Id, invoice.Number, p.Shop.ClientId, p.Shop.SessionId));
        frames.Number.ShouldBe(prints.Number + 1);
        prints.Status!.Description.ShouldBe("New");
        prints.Lines.Select(l => (l.ImageId, l.Quantity, l.PrintSize, l.AspectRatio)).ShouldBe(
            [(p.Shop.Images[0], 2, ProductionKit.PrintSize, "4:5"), (p.Shop.Images[2], 1, ProductionKit.PrintSize, "4:5")]);
        prints.Lines[0].Crop!.Width.ShouldBe(0.64, 1e-9);
        frames.Lines.Select(l => l.ImageId).ShouldBe([p.Shop.Images[1]]);
        // The session fee has no production type: it is on no order.
        made.Made.SelectMany(o => o.Lines).ShouldNotContain(l => l.ItemId == p.Shop.Fee);

        // Asked again, with or without a key: the lines are ordered already.
        var again = await (await admin.MakeOrdersAsync(invoice.Id)).ShouldBeAsync<MadeBody>(HttpStatusCode.OK);
        again.Made.ShouldBeEmpty();
        (await admin.OrderListAsync($"/api/v1/invoices/{invoice.Id}/production-orders")).Select(o => o.Id).Order().ShouldBe(made.Made.Select(o => o.Id).Order());
        (await admin.OrderListAsync($"/api/v1/sessions/{p.Shop.SessionId}/production-orders")).Count.ShouldBe(2);
        (await admin.OrderListAsync($"/api/v1/production-orders?productionTypeId={p.FramesType}")).Select(o => o.Id).ShouldBe([frames.Id]);
        (await admin.OrderListAsync($"/api/v1/production-orders?invoiceId={invoice.Id}&sort=number")).Select(o => o.Number).ShouldBe([prints.Number, frames.Number]);

        // The invoice's lines are on orders now: changing them is refused, and the orders keep pointing at real lines.
        var current = await admin.InvoiceAsync(invoice.Id);
        var changed = await (await admin.SendAsync(SalesKit.Put($"/api/v1/invoices/{invoice.Id}", new { lines = new[] { new { itemId = p.Shop.Fee } } }, current.Version)))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        changed.GetProperty("blockers").GetArrayLength().ShouldBe(2);
        (await admin.InvoiceAsync(invoice.Id)).Lines.Count.ShouldBe(4);

        // A deleted order keeps its lines: they are not ordered twice.
        (await admin.SendAsync(SalesKit.Delete($"/api/v1/production-orders/{frames.Id}", frames.Version))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await (await admin.MakeOrdersAsync(invoice.Id)).ShouldBeAsync<MadeBody>(HttpStatusCode.OK)).Made.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_default_vendor_of_an_item_wins_over_its_types_and_orders_filter_by_vendor()
    {
        var admin = await app.AdminAsync();
        var p = await admin.OpenProductionShopAsync();
        var typeLab = await (await admin.PostAsJsonAsync("/api/v1/vendors", new
        {
            name = SalesKit.Unique("Lab"), submissionMethod = "labApi", labProtocol = "whcc", productionTypeIds = new[] { p.PrintsType, p.FramesType },
        })).ShouldBeAsync<VendorBody>(HttpStatusCode.Created);
        var itemLab = await (await admin.PostAsJsonAsync("/api/v1/vendors", new
        {
            name = SalesKit.Unique("Framer"), contactName = "Fran", email = "fran@example.com", priceListItemIds = new[] { p.Frame },
        })).ShouldBeAsync<VendorBody>(HttpStatusCode.Created);
        itemLab.SubmissionMethod.ShouldBe("manual");

        var invoice = await admin.SellAsync(p);
        var made = await (await admin.MakeOrdersAsync(invoice.Id)).ShouldBeAsync<MadeBody>(HttpStatusCode.OK);
        made.Made.Single(o => o.ProductionTypeId == p.PrintsType).VendorId.ShouldBe(typeLab.Id);
        made.Made.Single(o => o.ProductionTypeId == p.FramesType).VendorId.ShouldBe(itemLab.Id);
        (await admin.OrderListAsync($"/api/v1/production-orders?vendorId={itemLab.Id}")).Select(o => o.ProductionTypeId).ShouldBe([p.FramesType]);

        // A type has one default vendor: a second is refused, naming the field; a lab API needs its protocol.
        var taken = await (await admin.PostAsJsonAsync("/api/v1/vendors", new { name = SalesKit.Unique("Other"), productionTypeIds = new[] { p.PrintsType } }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        taken.GetProperty("field").GetString().ShouldBe("productionTypeIds");
        var noProtocol = await (await admin.PostAsJsonAsync("/api/v1/vendors", new { name = SalesKit.Unique("Api"), submissionMethod = "labApi" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        noProtocol.GetProperty("errors")[0].GetProperty("name").GetString().ShouldBe("labProtocol");

        // A print's size is inches, width x height; the item keeps it as written.
        var badSize = await (await admin.PostItemAsync(p.Shop.ListId, new { groupId = p.Shop.GroupId, code = SalesKit.Unique("S"), description = "Odd", price = 100, needsImage = true, printSize = "8 by 10" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        badSize.GetProperty("errors")[0].GetProperty("name").GetString().ShouldBe("printSize");
        (await admin.GetItemAsync(p.Print)).PrintSize.ShouldBe(ProductionKit.PrintSize);
    }

    [Fact]
    public async Task Orders_stand_on_the_hub_stage_of_their_status_and_in_the_overdue_list()
    {
        var admin = await app.AdminAsync();
        var p = await admin.OpenProductionShopAsync();
        var invoice = await admin.SellAsync(p);
        var made = (await (await admin.MakeOrdersAsync(invoice.Id)).ShouldBeAsync<MadeBody>(HttpStatusCode.OK)).Made;
        var ids = made.Select(o => o.Id).ToHashSet();

        var stage = await (await admin.GetAsync("/api/v1/workflow/stages/production/records?kind=productionOrder&limit=200"))
            .ShouldBeAsync<WorkflowRecordPage>(HttpStatusCode.OK);
        stage.Items.Where(r => ids.Contains(r.RecordId)).Select(r => r.StatusDescription).ShouldBe(["New", "New"]);

        // Advanced to the lab, then past its due date.
        var frames = made.Single(o => o.ProductionTypeId == p.FramesType);
        (await admin.PostAsJsonAsync($"/api/v1/production-orders/{frames.Id}/status-changes", new { advance = true })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.OrderAsync(frames.Id)).Status!.Description.ShouldBe("At the Lab");
        await app.WithDbAsync(db => db.ProductionOrders.Where(o => o.Id == frames.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.StatusDueDate, new DateOnly(2020, 1, 6))));
        var overdue = await (await admin.GetAsync("/api/v1/workflow/overdue?kind=productionOrder&limit=200")).ShouldBeAsync<WorkflowRecordPage>(HttpStatusCode.OK);
        overdue.Items.Where(r => ids.Contains(r.RecordId)).Select(r => r.RecordId).ShouldBe([frames.Id]);
        (await admin.OrderListAsync($"/api/v1/production-orders?overdue=true&invoiceId={invoice.Id}")).Select(o => o.Id).ShouldBe([frames.Id]);
        (await admin.OrderAsync(frames.Id)).Status!.IsOverdue.ShouldBeTrue();
    }

    [Fact]
    public async Task The_bulk_crop_walks_the_lines_keeps_each_crop_to_its_print_shape_and_refuses_a_stale_version()
    {
        var admin = await app.AdminAsync();
        var p = await admin.OpenProductionShopAsync();
        var invoice = await admin.SellAsync(p);
        var prints = (await (await admin.MakeOrdersAsync(invoice.Id)).ShouldBeAsync<MadeBody>(HttpStatusCode.OK)).Made.Single(o => o.ProductionTypeId == p.PrintsType);
        var url = $"/api/v1/production-orders/{prints.Id}/lines";

        var first = await (await admin.GetAsync($"{url}/next-to-crop")).ShouldBeAsync<NextCropBody>(HttpStatusCode.OK);
        (first.Line!.Id, first.Remaining).ShouldBe((prints.Lines[0].Id, 2));

        // A crop of another shape (a square of a 100 × 80 photo) is refused naming the field; a different ratio too; nothing changes.
        var square = await (await admin.SendAsync(SalesKit.Put($"{url}/{first.Line.Id}/crop", new { crop = new { x = 0, y = 0, width = 0.8, height = 1.0 } }, first.OrderVersion)))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        square.GetProperty("field").GetString().ShouldBe("crop");
        var ratio = await (await admin.SendAsync(SalesKit.Put($"{url}/{first.Line.Id}/crop", new { crop = new { x = 0, y = 0, width = 0.8, height = 1.0, aspectRatio = "1:1" } }, first.OrderVersion)))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        ratio.GetProperty("errors")[0].GetProperty("name").GetString().ShouldBe("crop.aspectRatio");
        (await admin.OrderAsync(prints.Id)).Version.ShouldBe(prints.Version);

        // A 4:5 crop on the right: saved, looked at, and the walk moves on.
        var saved = await (await admin.SendAsync(SalesKit.Put($"{url}/{first.Line.Id}/crop", new { crop = new { x = 0.36, y = 0, width = 0.64, height = 1.0 } }, first.OrderVersion)))
            .ShouldBeAsync<OrderBody>(HttpStatusCode.OK);
        saved.Version.ShouldBe(prints.Version + 1);
        saved.Lines[0].Crop!.X.ShouldBe(0.36, 1e-9);
        saved.Lines[0].CropReviewed.ShouldBeTrue();
        var next = await (await admin.GetAsync($"{url}/next-to-crop?after={first.Line.Id}")).ShouldBeAsync<NextCropBody>(HttpStatusCode.OK);
        (next.Line!.Id, next.Remaining).ShouldBe((prints.Lines[1].Id, 1));

        // The screen that read the order before is stale: 412, and the crop stays.
        (await admin.SendAsync(SalesKit.Put($"{url}/{next.Line.Id}/crop", new { crop = new { x = 0, y = 0, width = 0.64, height = 1.0 } }, first.OrderVersion)))
            .StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await admin.OrderAsync(prints.Id)).Lines[1].CropReviewed.ShouldBeFalse();
        await (await admin.SendAsync(SalesKit.Put($"{url}/{next.Line.Id}/crop", new { crop = next.Line.Crop }, next.OrderVersion))).ShouldBeAsync<OrderBody>(HttpStatusCode.OK);
        var done = await (await admin.GetAsync($"{url}/next-to-crop")).ShouldBeAsync<NextCropBody>(HttpStatusCode.OK);
        (done.Line, done.Remaining).ShouldBe((null, 0));
    }

    [Fact]
    public async Task A_render_run_of_a_production_order_makes_each_line_at_its_print_size_with_its_crop()
    {
        var admin = await app.AdminAsync();
        var p = await admin.OpenProductionShopAsync();
        var invoice = await admin.SellAsync(p);
        var prints = (await (await admin.MakeOrdersAsync(invoice.Id)).ShouldBeAsync<MadeBody>(HttpStatusCode.OK)).Made.Single(o => o.ProductionTypeId == p.PrintsType);
        var profile = await (await admin.PostAsJsonAsync("/api/v1/render-profiles", new
        {
            name = SalesKit.Unique("Lab prints"), size = new { mode = "longEdge", longEdgePx = 300 }, format = "jpeg", dpi = 100,
            fileNamePattern = "{sessionNumber}-{imageNumber}-{fileNumber}", images = "ordered", honourCrops = false,
        })).ShouldBeAsync<IdOnly>(HttpStatusCode.Created);

        var response = await admin.PostAsJsonAsync("/api/v1/render-runs", new { profileId = profile.Id, productionOrderId = prints.Id });
        var accepted = await response.ShouldBeAsync<RunBody>(HttpStatusCode.Accepted);
        accepted.Total.ShouldBe(2);
        var run = await admin.WhenFinishedAsync(accepted.Id);
        run.State.ShouldBe("completed");

        using var zip = new ZipArchive(new MemoryStream(await admin.GetByteArrayAsync(run.Output!.Zip)));
        var files = zip.Entries.Where(e => e.Name != "manifest.json").OrderBy(e => e.Name).ToList();
        files.Count.ShouldBe(2);
        foreach (var entry in files)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            using var image = Image.NewFromBuffer(copy.ToArray());
            // 2 × 2.5 inches at 100 DPI, upright like the 4:5 portrait crop.
            (image.Width, image.Height).ShouldBe((200, 250), entry.Name);
        }

        // Neither sessions nor an order: refused naming the field; an order the caller cannot name: 400 too.
        var none = await (await admin.PostAsJsonAsync("/api/v1/render-runs", new { profileId = profile.Id })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        none.GetProperty("errors")[0].GetProperty("name").GetString().ShouldBe("sessionIds");
        var unknown = await (await admin.PostAsJsonAsync("/api/v1/render-runs", new { profileId = profile.Id, productionOrderId = 999_999 })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        unknown.GetProperty("errors")[0].GetProperty("name").GetString().ShouldBe("productionOrderId");
    }

    [Fact]
    public async Task The_kiosk_sees_only_orders_of_invoices_it_sees_and_bad_input_changes_nothing()
    {
        var admin = await app.AdminAsync();
        var p = await admin.OpenProductionShopAsync();
        var kiosk = await app.AsRoleAsync(UserRole.Sales);
        // Sold at the counter without a session: the kiosk does not see the invoice, nor its orders.
        var counter = await admin.CreateInvoiceAsync(new
        {
            clientId = p.Shop.ClientId, priceListId = p.Shop.ListId,
            lines = new object[] { new { itemId = p.Frame, imageId = p.Shop.Images[1] } },
        });
        var order = (await (await admin.MakeOrdersAsync(counter.Id)).ShouldBeAsync<MadeBody>(HttpStatusCode.OK)).Made.Single();
        (await kiosk.GetAsync($"/api/v1/production-orders/{order.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await kiosk.MakeOrdersAsync(counter.Id)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await kiosk.OrderListAsync($"/api/v1/production-orders?clientId={p.Shop.ClientId}")).ShouldBeEmpty();
        (await kiosk.SendAsync(SalesKit.Put($"/api/v1/production-orders/{order.Id}", new { notes = "mine" }, order.Version))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Bad input: 400 naming the field, and the order as it was.
        var bad = await (await admin.SendAsync(SalesKit.Put($"/api/v1/production-orders/{order.Id}", new { vendorId = 999_999, trackingNumber = "1Z" }, order.Version)))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        bad.GetProperty("errors")[0].GetProperty("name").GetString().ShouldBe("vendorId");
        var long_ = await (await admin.SendAsync(SalesKit.Put($"/api/v1/production-orders/{order.Id}", new { carrier = new string('x', 61) }, order.Version)))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        long_.GetProperty("errors")[0].GetProperty("name").GetString().ShouldBe("carrier");
        var unchanged = await admin.OrderAsync(order.Id);
        (unchanged.Version, unchanged.TrackingNumber, unchanged.Carrier).ShouldBe((order.Version, null, null));

        // Two edits from one read: the second is a 412 and does not overwrite the first.
        var first = await admin.SendAsync(SalesKit.Put($"/api/v1/production-orders/{order.Id}", new { labReference = "WH-1", carrier = "UPS", trackingNumber = "1Z999" }, order.Version));
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.SendAsync(SalesKit.Put($"/api/v1/production-orders/{order.Id}", new { labReference = "WH-2" }, order.Version))).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        var read = await admin.OrderAsync(order.Id);
        (read.LabReference, read.Carrier, read.TrackingNumber).ShouldBe(("WH-1", "UPS", "1Z999"));
    }

    public sealed record IdOnly(long Id);
}

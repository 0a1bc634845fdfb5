using System.Net;
using System.Net.Http.Json;
using StudioApi.Tests.Features.Sales;
using StudioApi.Tests.Features.Sales.Invoices;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Production;

public sealed class ProofOrderTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    [Fact]
    public async Task A_proof_order_is_created_for_a_session_read_changed_with_its_version_and_deleted_to_the_recycle_bin()
    {
        var admin = await app.AdminAsync();
        var shop = await admin.OpenShopAsync(photos: 0);
        var vendor = await (await admin.PostAsJsonAsync("/api/v1/vendors", new { name = SalesKit.Unique("Proof lab") })).ShouldBeAsync<VendorBody>(HttpStatusCode.Created);
        var url = $"/api/v1/sessions/{shop.SessionId}/proof-orders";

        var bad = await (await admin.PostAsJsonAsync(url, new { vendorId = 999_999, numberOfProofs = 24 })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        bad.GetProperty("errors")[0].GetProperty("name").GetString().ShouldBe("vendorId");
        (await admin.PostAsJsonAsync(url, new { numberOfProofs = -1 })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await (await admin.GetAsync(url)).ShouldBeAsync<Page<ProofOrderBody>>(HttpStatusCode.OK)).Items.ShouldBeEmpty();

        var created = await (await admin.PostAsJsonAsync(url, new
        {
            vendorId = vendor.Id, numberOfProofs = 24, storageLocation = "Drawer B", cdNumber = "CD-0042", orderDate = "2026-03-02", dueDate = "2026-03-09",
        })).ShouldBeAsync<ProofOrderBody>(HttpStatusCode.Created);
        (created.Status, created.NumberOfProofs, created.StorageLocation, created.CdNumber).ShouldBe(("open", 24, "Drawer B", "CD-0042"));
        (await (await admin.GetAsync($"/api/v1/proof-orders/{created.Id}")).ShouldBeAsync<ProofOrderBody>(HttpStatusCode.OK)).ShouldBe(created);

        var received = await (await admin.SendAsync(SalesKit.Put($"/api/v1/proof-orders/{created.Id}", new
        {
            vendorId = vendor.Id, status = "received", numberOfProofs = 24, storageLocation = "Drawer C", cdNumber = "CD-0042",
            orderDate = "2026-03-02", receivedDate = "2026-03-06",
        }, created.Version))).ShouldBeAsync<ProofOrderBody>(HttpStatusCode.OK);
        (received.Status, received.StorageLocation, received.ReceivedDate).ShouldBe(("received", "Drawer C", new DateOnly(2026, 3, 6)));
        (await admin.SendAsync(SalesKit.Put($"/api/v1/proof-orders/{created.Id}", new { numberOfProofs = 1 }, created.Version))).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);

        (await admin.SendAsync(SalesKit.Delete($"/api/v1/proof-orders/{created.Id}", received.Version))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.GetAsync($"/api/v1/proof-orders/{created.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await admin.GetAsync(url)).ShouldBeAsync<Page<ProofOrderBody>>(HttpStatusCode.OK)).Items.ShouldBeEmpty();
        (await admin.PostAsync($"/api/v1/proof-orders/{created.Id}/restore", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await admin.GetAsync(url)).ShouldBeAsync<Page<ProofOrderBody>>(HttpStatusCode.OK)).Items.Select(o => o.Id).ShouldBe([created.Id]);
    }
}

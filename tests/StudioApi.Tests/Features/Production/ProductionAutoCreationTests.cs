using System.Net;
using System.Net.Http.Json;
using StudioApi.Tests.Features.Sales;
using StudioApi.Tests.Infrastructure;
using StudioApi.Tests.Platform.Workflow;

namespace StudioApi.Tests.Features.Production;

/// <summary>Production orders made by themselves when an invoice reaches the status the production settings chose (an app of its own: the settings are the studio's).</summary>
public sealed class ProductionAutoCreationTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    public sealed record SettingsBody(int Version, long? AutoCreateAtInvoiceStatusId);

    [Fact]
    public async Task An_invoice_reaching_the_chosen_status_gets_its_production_orders_once()
    {
        var admin = await app.AdminAsync();
        var statuses = await (await admin.GetAsync("/api/v1/workflow/statuses?kind=invoice")).ShouldBeAsync<StatusListBody>(HttpStatusCode.OK);
        var inProduction = statuses.Items.Single(s => s.Description == "In Production").Id;
        var settings = await (await admin.GetAsync("/api/v1/production-settings")).ShouldBeAsync<SettingsBody>(HttpStatusCode.OK);
        settings.AutoCreateAtInvoiceStatusId.ShouldBeNull();
        var bad = await (await admin.SendAsync(SalesKit.Put("/api/v1/production-settings", new { autoCreateAtInvoiceStatusId = 999_999 }, settings.Version)))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        bad.GetProperty("errors")[0].GetProperty("name").GetString().ShouldBe("autoCreateAtInvoiceStatusId");
        (await (await admin.SendAsync(SalesKit.Put("/api/v1/production-settings", new { autoCreateAtInvoiceStatusId = inProduction }, settings.Version)))
            .ShouldBeAsync<SettingsBody>(HttpStatusCode.OK)).AutoCreateAtInvoiceStatusId.ShouldBe(inProduction);

        var p = await admin.OpenProductionShopAsync();
        var invoice = await admin.SellAsync(p);
        // Open is not the chosen status: nothing yet.
        (await admin.OrderListAsync($"/api/v1/invoices/{invoice.Id}/production-orders")).ShouldBeEmpty();

        (await admin.PostAsJsonAsync($"/api/v1/invoices/{invoice.Id}/status-changes", new { statusId = inProduction })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var orders = await Eventually.ValueAsync(async () =>
        {
            var list = await admin.OrderListAsync($"/api/v1/invoices/{invoice.Id}/production-orders");
            return list.Count == 2 ? list : null;
        }, TimeSpan.FromSeconds(60), () => "the invoice's production orders");
        orders.Select(o => o.ProductionTypeId).Order().ShouldBe(new[] { p.PrintsType, p.FramesType }.Order());

        // Back and forth through the status again: the lines are ordered already, nothing new.
        (await admin.PostAsJsonAsync($"/api/v1/invoices/{invoice.Id}/status-changes", new { advance = true })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.PostAsJsonAsync($"/api/v1/invoices/{invoice.Id}/status-changes", new { statusId = inProduction })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var second = await admin.SellAsync(p);
        (await admin.PostAsJsonAsync($"/api/v1/invoices/{second.Id}/status-changes", new { statusId = inProduction })).StatusCode.ShouldBe(HttpStatusCode.Created);
        await Eventually.TrueAsync(async () => (await admin.OrderListAsync($"/api/v1/invoices/{second.Id}/production-orders")).Count == 2,
            TimeSpan.FromSeconds(60), "the second invoice's orders (made after the first's changes were read)");
        (await admin.OrderListAsync($"/api/v1/invoices/{invoice.Id}/production-orders")).Count.ShouldBe(2);
    }
}

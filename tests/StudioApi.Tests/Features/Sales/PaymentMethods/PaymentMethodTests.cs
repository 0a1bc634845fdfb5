using System.Net;
using System.Net.Http.Json;
using StudioApi.Platform.Auth;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Sales.PaymentMethods;

public sealed class PaymentMethodTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    sealed record MethodBody(long Id, int Version, string Name, string Kind, bool RequiresReference, int SortOrder, bool IsActive, DateTimeOffset? DeletedAt);

    [Fact]
    public async Task Every_studio_starts_with_the_common_payment_methods_in_order()
    {
        var kiosk = await app.AsRoleAsync(UserRole.Sales);

        var page = await (await kiosk.GetAsync("/api/v1/payment-methods?active=true")).ShouldBeAsync<Page<MethodBody>>(HttpStatusCode.OK);

        page.Items.Select(m => m.Name).Take(7).ShouldBe(["Cash", "Check", "Visa", "Mastercard", "American Express", "Discover", "Gift Certificate"]);
        page.Items.Single(m => m.Name == "Check").ShouldSatisfyAllConditions(m => m.Kind.ShouldBe("check"), m => m.RequiresReference.ShouldBeTrue());
        page.Items.Single(m => m.Name == "Cash").RequiresReference.ShouldBeFalse();
    }

    [Fact]
    public async Task An_administrator_adds_renames_retires_and_restores_a_method_whose_name_stays_unique()
    {
        var admin = await app.AdminAsync();
        var created = await (await admin.PostAsJsonAsync("/api/v1/payment-methods", new { name = "Venmo", kind = "other", requiresReference = true, sortOrder = 80 }))
            .ShouldBeAsync<MethodBody>(HttpStatusCode.Created);
        created.IsActive.ShouldBeTrue();
        await (await admin.PostAsJsonAsync("/api/v1/payment-methods", new { name = "Venmo", kind = "other" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await (await admin.PostAsJsonAsync("/api/v1/payment-methods", new { name = "Barter", kind = "goats" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldErrors().ShouldBe(["kind"]);

        var url = $"/api/v1/payment-methods/{created.Id}";
        var renamed = await (await admin.SendAsync(SalesKit.Put(url, new { name = "Venmo app", kind = "other", isActive = false }, 1))).ShouldBeAsync<MethodBody>(HttpStatusCode.OK);
        renamed.IsActive.ShouldBeFalse();
        (await (await admin.GetAsync("/api/v1/payment-methods?active=true&q=venmo")).ShouldBeAsync<Page<MethodBody>>(HttpStatusCode.OK)).Items.ShouldBeEmpty();
        (await admin.SendAsync(SalesKit.Delete(url, renamed.Version))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await admin.PostAsync($"{url}/restore", null)).ShouldBeAsync<MethodBody>(HttpStatusCode.OK)).DeletedAt.ShouldBeNull();

        var staff = await app.AsRoleAsync(UserRole.Staff);
        await (await staff.PostAsJsonAsync("/api/v1/payment-methods", new { name = "IOU", kind = "other" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }
}

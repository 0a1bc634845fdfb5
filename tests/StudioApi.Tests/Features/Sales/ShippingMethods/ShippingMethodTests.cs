using System.Net;
using System.Net.Http.Json;
using StudioApi.Platform.Auth;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Sales.ShippingMethods;

public sealed class ShippingMethodTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    sealed record MethodBody(long Id, int Version, string Name, string? Description, long Price, int SortOrder, bool IsActive);

    [Fact]
    public async Task A_shipping_method_has_a_price_in_minor_units_and_the_kiosk_reads_it()
    {
        var admin = await app.AdminAsync();

        var created = await (await admin.PostAsJsonAsync("/api/v1/shipping-methods", new { name = "Overnight", description = "Next business day", price = 2999, sortOrder = 30 }))
            .ShouldBeAsync<MethodBody>(HttpStatusCode.Created);

        created.Price.ShouldBe(2999);
        var kiosk = await app.AsRoleAsync(UserRole.Sales);
        (await (await kiosk.GetAsync($"/api/v1/shipping-methods/{created.Id}")).ShouldBeAsync<MethodBody>(HttpStatusCode.OK)).Description.ShouldBe("Next business day");
        await (await kiosk.PostAsJsonAsync("/api/v1/shipping-methods", new { name = "Kiosk", price = 0 })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(-1)]
    [InlineData(12.5)]
    [InlineData("8.00")]
    public async Task A_price_that_is_missing_negative_or_not_whole_minor_units_is_refused(object? price)
    {
        var admin = await app.AdminAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/shipping-methods", new Dictionary<string, object?> { ["name"] = SalesKit.Unique("Ship"), ["price"] = price });

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["price"]);
    }
}

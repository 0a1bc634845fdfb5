using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Sales;
using StudioApi.Features.Setup;
using StudioApi.Platform.Auth;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Sales.PriceListItems;

public sealed class PriceListItemTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    [Fact]
    public async Task A_print_is_created_at_the_end_of_its_list_with_its_ratio_reduced_and_read_back_with_its_etag()
    {
        var admin = await app.AdminAsync();
        var list = await admin.CreateListAsync();
        var prints = await admin.CreateGroupAsync(list.Id, "Prints");
        var first = await admin.CreateItemAsync(list.Id, SalesKit.Print(prints.Id, "5x7", 2500, "5x7"));

        var response = await admin.PostItemAsync(list.Id, SalesKit.Print(prints.Id, "8x10", 4500, "8x10"));

        var created = await response.ShouldBeAsync<ItemBody>(HttpStatusCode.Created);
        response.Headers.Location!.ToString().ShouldEndWith($"/api/v1/price-list-items/{created.Id}");
        response.Headers.ETag!.Tag.ShouldBe("\"1\"");
        created.CropAspectRatio.ShouldBe("4:5");
        first.CropAspectRatio.ShouldBe("5:7");
        created.Position.ShouldBeGreaterThan(first.Position);
        created.Price.ShouldBe(4500);
        created.Cost.ShouldBe(450);
        created.Taxable.ShouldBeTrue();
        var read = await admin.GetItemAsync(created.Id);
        read.ShouldBeEquivalentTo(created);
        (await admin.GetListAsync(list.Id)).ItemCount.ShouldBe(2);
    }

    [Fact]
    public async Task A_crop_ratio_alone_makes_an_item_one_that_needs_an_image()
    {
        var admin = await app.AdminAsync();
        var list = await admin.CreateListAsync();
        var group = await admin.CreateGroupAsync(list.Id, "Prints");

        var item = await admin.CreateItemAsync(list.Id, new { groupId = group.Id, code = "11x14", description = "11x14 print", price = 9500, cropAspectRatio = "11x14" });
        var file = await admin.CreateItemAsync(list.Id, new { groupId = group.Id, code = "FILE", description = "Digital file", type = "digital", price = 3500 });

        (item.NeedsImage, item.CropAspectRatio).ShouldBe((true, "11:14"));
        (file.NeedsImage, file.CropAspectRatio).ShouldBe((false, null));
    }

    [Fact]
    public async Task Codes_are_unique_in_a_list_whatever_their_case_but_another_list_may_reuse_them()
    {
        var admin = await app.AdminAsync();
        var list = await admin.CreateListAsync();
        var group = await admin.CreateGroupAsync(list.Id, "Prints");
        await admin.CreateItemAsync(list.Id, SalesKit.Print(group.Id, "8x10", 4500));

        var duplicate = await admin.PostItemAsync(list.Id, SalesKit.Print(group.Id, "8X10", 4900));

        var problem = await duplicate.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldContain("8X10");
        var other = await admin.CreateListAsync();
        var otherGroup = await admin.CreateGroupAsync(other.Id, "Prints");
        await admin.CreateItemAsync(other.Id, SalesKit.Print(otherGroup.Id, "8x10", 4900));
    }

    [Theory]
    [InlineData("code", "has spaces")]
    [InlineData("code", "")]
    [InlineData("code", "-8x10")]
    [InlineData("description", "")]
    [InlineData("price", -1)]
    [InlineData("price", 10_000_000_001)]
    [InlineData("price", "19.99")]
    [InlineData("price", 19.99)]
    [InlineData("price", null)]
    [InlineData("cost", -5)]
    [InlineData("type", "voucher")]
    [InlineData("cropAspectRatio", "square")]
    [InlineData("cropAspectRatio", "0:5")]
    [InlineData("groupId", 0)]
    [InlineData("productionTypeId", 999_999)]
    [InlineData("package", "{}")]
    [InlineData("promotion", "{}")]
    public async Task Every_bad_field_of_an_item_is_a_400_naming_it_and_stores_nothing(string field, object? value)
    {
        var admin = await app.AdminAsync();
        var list = await admin.CreateListAsync();
        var group = await admin.CreateGroupAsync(list.Id, "Prints");
        var body = new Dictionary<string, object?>
        {
            ["groupId"] = group.Id, ["code"] = "8x10", ["description"] = "8x10 print", ["type"] = "standard", ["price"] = 4500,
            ["needsImage"] = true, ["cropAspectRatio"] = "4:5",
        };
        body[field] = value is "{}" ? new { } : value;

        var response = await admin.PostItemAsync(list.Id, body);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldErrors().ShouldContain(f => f == field || f.StartsWith(field + "."), problem.ToString());
        (await admin.GetListAsync(list.Id)).ItemCount.ShouldBe(0);
    }

    [Fact]
    public async Task Type_rules_hold_a_ratio_needs_an_image_packages_and_promotions_carry_their_parts_and_nothing_else_does()
    {
        var admin = await app.AdminAsync();
        var list = await admin.CreateListAsync();
        var group = await admin.CreateGroupAsync(list.Id, "Misc");

        async Task<IReadOnlyList<string>> Refused(object body) =>
            (await (await admin.PostItemAsync(list.Id, body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors();

        (await Refused(new { groupId = group.Id, code = "A", description = "A", price = 100, needsImage = false, cropAspectRatio = "4:5" })).ShouldContain("needsImage");
        (await Refused(new { groupId = group.Id, code = "A", description = "A", type = "shipping", price = 100, cropAspectRatio = "4:5" })).ShouldContain("cropAspectRatio");
        (await Refused(new { groupId = group.Id, code = "SF", description = "Fee", type = "sessionFee", price = 100, needsImage = true })).ShouldContain("needsImage");
        (await Refused(new { groupId = group.Id, code = "P", description = "P", type = "package", price = 100 })).ShouldContain("package");
        (await Refused(new { groupId = group.Id, code = "S", description = "S", price = 100, package = new { components = new[] { new { itemId = 1 } }, maxPoses = 1 } }))
            .ShouldContain("package");
        (await Refused(new { groupId = group.Id, code = "PR", description = "Promo", type = "promotional", price = 0 })).ShouldContain("promotion");
        (await Refused(new { groupId = group.Id, code = "PR", description = "Promo", type = "promotional", price = 500, promotion = new { discountPercent = "10" } }))
            .ShouldContain("price");
        (await Refused(new { groupId = group.Id, code = "PR", description = "Promo", type = "promotional", price = 0, promotion = new { discountPercent = "10", discountAmount = 500 } }))
            .ShouldContain("promotion.discountPercent");
        (await Refused(new { groupId = group.Id, code = "PR", description = "Promo", type = "promotional", price = 0, promotion = new { discountPercent = "100.5" } }))
            .ShouldContain("promotion.discountPercent");
        (await Refused(new { groupId = group.Id, code = "PR", description = "Promo", type = "promotional", price = 0,
                promotion = new { discountAmount = 500, startsOn = "2026-05-01", endsOn = "2026-04-01" } }))
            .ShouldContain("promotion.endsOn");
        (await Refused(new { groupId = group.Id, code = "PR", description = "Promo", type = "promotional", price = 0, promotion = new { discountAmount = 500, maxUses = 0 } }))
            .ShouldContain("promotion.maxUses");
        (await admin.GetListAsync(list.Id)).ItemCount.ShouldBe(0);
    }

    [Fact]
    public async Task A_package_holds_products_of_its_own_list_only_and_reads_back_its_components_by_code()
    {
        var admin = await app.AdminAsync();
        var list = await admin.CreateListAsync();
        var group = await admin.CreateGroupAsync(list.Id, "Prints");
        var print8X10 = await admin.CreateItemAsync(list.Id, SalesKit.Print(group.Id, "8x10", 4500));
        var wallets = await admin.CreateItemAsync(list.Id, SalesKit.Print(group.Id, "WALLETS", 3000, "5:7"));
        var other = await admin.CreateListAsync();
        var otherGroup = await admin.CreateGroupAsync(other.Id, "Prints");
        var foreign = await admin.CreateItemAsync(other.Id, SalesKit.Print(otherGroup.Id, "5x7", 2500));

        var gold = await admin.CreateItemAsync(list.Id, SalesKit.Package(group.Id, "GOLD", 14900, (print8X10.Id, 1), (wallets.Id, 2)));

        gold.Package!.Components.Select(c => (c.Code, c.Quantity)).ShouldBe([("8x10", 1), ("WALLETS", 2)]);
        (gold.Package.MinPoses, gold.Package.MaxPoses).ShouldBe((1, 3));
        gold.Promotion.ShouldBeNull();

        var withForeign = await admin.PostItemAsync(list.Id, SalesKit.Package(group.Id, "SILVER", 9900, (foreign.Id, 1)));
        (await withForeign.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["package.components[0].itemId"]);
        var nested = await admin.PostItemAsync(list.Id, SalesKit.Package(group.Id, "PLATINUM", 19900, (print8X10.Id, 1), (gold.Id, 1)));
        (await nested.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["package.components[1].itemId"]);
        var twice = await admin.PostItemAsync(list.Id, SalesKit.Package(group.Id, "BRONZE", 5900, (print8X10.Id, 1), (print8X10.Id, 2)));
        (await twice.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["package.components"]);

        // A component cannot become a package, nor leave while the package holds it.
        var update = SalesKit.Package(group.Id, "8x10", 4500, (wallets.Id, 1));
        var becomePackage = await admin.SendAsync(SalesKit.Put($"/api/v1/price-list-items/{print8X10.Id}", update, print8X10.Version));
        (await becomePackage.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["type"]);
        var delete = await admin.SendAsync(SalesKit.Delete($"/api/v1/price-list-items/{wallets.Id}", wallets.Version));
        var refused = await delete.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        refused.GetProperty("usedBy").EnumerateArray().Select(u => u.GetString()).ShouldBe(["package GOLD holds it"]);
    }

    [Fact]
    public async Task A_promotion_keeps_its_rule_with_a_coupon_code_unique_in_the_list()
    {
        var admin = await app.AdminAsync();
        var list = await admin.CreateListAsync();
        var prints = await admin.CreateGroupAsync(list.Id, "Prints");
        var promotions = await admin.CreateGroupAsync(list.Id, "Promotions");
        var print = await admin.CreateItemAsync(list.Id, SalesKit.Print(prints.Id, "8x10", 4500));
        object Spring(string code, string coupon) => new
        {
            groupId = promotions.Id, code, description = "Spring special", type = "promotional", price = 0,
            promotion = new
            {
                couponCode = coupon, discountPercent = "12.5", startsOn = "2026-03-01", endsOn = "2026-05-31", minimumOrderAmount = 10000,
                appliesToItemIds = new[] { print.Id }, appliesToGroupIds = new[] { prints.Id }, oncePerClient = true, maxUses = 100,
            },
        };

        var spring = await admin.CreateItemAsync(list.Id, Spring("PROMO-SPRING", "Spring25"));

        var rule = spring.Promotion!;
        (rule.CouponCode, rule.DiscountPercent, rule.DiscountAmount, rule.StartsOn, rule.EndsOn, rule.MinimumOrderAmount, rule.OncePerClient, rule.MaxUses)
            .ShouldBe(("Spring25", "12.5", (long?)null, (DateOnly?)new DateOnly(2026, 3, 1), (DateOnly?)new DateOnly(2026, 5, 31), (long?)10000, true, (int?)100));
        rule.AppliesToItemIds.ShouldBe([print.Id]);
        rule.AppliesToGroupIds.ShouldBe([prints.Id]);
        spring.Package.ShouldBeNull();
        var sameCoupon = await admin.PostItemAsync(list.Id, Spring("PROMO-2", "SPRING25"));
        (await sameCoupon.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("SPRING25");
        var selfTarget = new
        {
            groupId = promotions.Id, code = "PROMO-3", description = "x", type = "promotional", price = 0,
            promotion = new { discountAmount = 500, appliesToItemIds = new[] { spring.Id } },
        };
        (await (await admin.PostItemAsync(list.Id, selfTarget)).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldErrors().ShouldBe(["promotion.appliesToItemIds[0]"]);
        // The group a promotion applies to cannot go.
        var printsNow = await admin.GetListAsync(list.Id);
        var deleteGroup = await admin.SendAsync(SalesKit.Delete($"/api/v1/price-list-groups/{prints.Id}", printsNow.Groups.Single(g => g.Id == prints.Id).Version));
        await deleteGroup.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_kiosk_reads_items_without_their_cost_and_cannot_change_them()
    {
        var admin = await app.AdminAsync();
        var list = await admin.CreateListAsync();
        var group = await admin.CreateGroupAsync(list.Id, "Prints");
        var item = await admin.CreateItemAsync(list.Id, SalesKit.Print(group.Id, "8x10", 4500));
        var kiosk = await app.AsRoleAsync(UserRole.Sales);

        var read = await kiosk.GetItemAsync(item.Id);
        var listed = await kiosk.ItemsAsync(list.Id);

        read.Price.ShouldBe(4500);
        read.Cost.ShouldBeNull();
        listed.Single().Cost.ShouldBeNull();
        (await admin.GetItemAsync(item.Id)).Cost.ShouldBe(450);
        await (await kiosk.PostItemAsync(list.Id, SalesKit.Print(group.Id, "5x7", 2500))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await kiosk.SendAsync(SalesKit.Put($"/api/v1/price-list-items/{item.Id}", SalesKit.Print(group.Id, "8x10", 1), item.Version)))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await kiosk.GetAsync($"/api/v1/price-lists/{list.Id}/items?deleted=true")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await kiosk.GetAsync($"/api/v1/price-lists/{list.Id}/export")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_update_needs_the_current_version_takes_the_record_as_read_and_a_stale_one_changes_nothing()
    {
        var admin = await app.AdminAsync();
        var list = await admin.CreateListAsync();
        var group = await admin.CreateGroupAsync(list.Id, "Prints");
        var item = await admin.CreateItemAsync(list.Id, SalesKit.Print(group.Id, "8x10", 4500));
        var url = $"/api/v1/price-list-items/{item.Id}";
        var asRead = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, object?>>(await admin.GetStringAsync(url))!;
        asRead["price"] = 4900;

        await (await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, url, asRead))).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        var updated = await (await admin.SendAsync(SalesKit.Put(url, asRead, item.Version))).ShouldBeAsync<ItemBody>(HttpStatusCode.OK);
        updated.Price.ShouldBe(4900);
        updated.Version.ShouldBe(2);
        updated.Position.ShouldBe(item.Position);

        asRead["price"] = 5900;
        await (await admin.SendAsync(SalesKit.Put(url, asRead, item.Version))).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        (await admin.GetItemAsync(item.Id)).Price.ShouldBe(4900);
    }

    [Fact]
    public async Task A_deleted_item_leaves_the_list_and_comes_back_unless_its_code_was_taken_meanwhile()
    {
        var admin = await app.AdminAsync();
        var list = await admin.CreateListAsync();
        var group = await admin.CreateGroupAsync(list.Id, "Prints");
        var item = await admin.CreateItemAsync(list.Id, SalesKit.Print(group.Id, "8x10", 4500));

        (await admin.SendAsync(SalesKit.Delete($"/api/v1/price-list-items/{item.Id}", item.Version))).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await admin.GetAsync($"/api/v1/price-list-items/{item.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.ItemsAsync(list.Id)).ShouldBeEmpty();
        (await admin.ItemsAsync(list.Id, "&deleted=true")).Single().Id.ShouldBe(item.Id);
        var replacement = await admin.CreateItemAsync(list.Id, SalesKit.Print(group.Id, "8X10", 4900));
        await (await admin.PostAsync($"/api/v1/price-list-items/{item.Id}/restore", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await admin.SendAsync(SalesKit.Delete($"/api/v1/price-list-items/{replacement.Id}", replacement.Version))).EnsureSuccessStatusCode();
        var restored = await (await admin.PostAsync($"/api/v1/price-list-items/{item.Id}/restore", null)).ShouldBeAsync<ItemBody>(HttpStatusCode.OK);
        restored.DeletedAt.ShouldBeNull();
        restored.Price.ShouldBe(4500);
    }

    [Fact]
    public async Task A_production_type_in_use_by_an_item_cannot_be_deleted()
    {
        var admin = await app.AdminAsync();
        var type = await app.WithDbAsync(db => db.ProductionTypes.FirstAsync(t => t.Name == "Prints"));
        var list = await admin.CreateListAsync();
        var group = await admin.CreateGroupAsync(list.Id, "Prints");
        var item = await admin.CreateItemAsync(list.Id, new
        {
            groupId = group.Id, code = "8x10", description = "8x10", price = 4500, needsImage = true, productionTypeId = type.Id,
        });
        item.ProductionTypeId.ShouldBe(type.Id);

        var delete = await admin.SendAsync(SalesKit.Delete($"/api/v1/production-types/{type.Id}", type.Version));

        (await delete.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("useCount").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task The_items_list_filters_by_group_type_online_and_text_and_pages_in_a_stable_order()
    {
        var admin = await app.AdminAsync();
        var list = await admin.CreateListAsync();
        var prints = await admin.CreateGroupAsync(list.Id, "Prints");
        var digital = await admin.CreateGroupAsync(list.Id, "Digital");
        for (var i = 1; i <= 7; i++)
            await admin.CreateItemAsync(list.Id, SalesKit.Print(prints.Id, $"P{i}", 1000 * i));
        await admin.CreateItemAsync(list.Id, new { groupId = digital.Id, code = "FILE", description = "Digital file", type = "digital", price = 3500, availableOnline = true });

        (await admin.ItemsAsync(list.Id, $"&groupId={digital.Id}")).Select(i => i.Code).ShouldBe(["FILE"]);
        (await admin.ItemsAsync(list.Id, "&type=digital")).Select(i => i.Code).ShouldBe(["FILE"]);
        (await admin.ItemsAsync(list.Id, "&availableOnline=true")).Select(i => i.Code).ShouldBe(["FILE"]);
        (await admin.ItemsAsync(list.Id, "&q=p7")).Select(i => i.Code).ShouldBe(["P7"]);
        (await admin.ItemsAsync(list.Id, "&q=digital")).Select(i => i.Code).ShouldBe(["FILE"]);
        (await admin.ItemsAsync(list.Id, "&sort=-price")).Select(i => i.Code).ShouldBe(["P7", "P6", "P5", "P4", "FILE", "P3", "P2", "P1"]);

        var pages = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await admin.GetAsync($"/api/v1/price-lists/{list.Id}/items?limit=3&sort=code{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}"))
                .ShouldBeAsync<Page<ItemBody>>(HttpStatusCode.OK);
            pages.AddRange(page.Items.Select(i => i.Code));
            cursor = page.NextCursor;
        } while (cursor is not null);
        pages.ShouldBe(["FILE", "P1", "P2", "P3", "P4", "P5", "P6", "P7"]);
        await (await admin.GetAsync($"/api/v1/price-lists/{list.Id}/items?sort=cost")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.GetAsync("/api/v1/price-lists/999999/items")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}

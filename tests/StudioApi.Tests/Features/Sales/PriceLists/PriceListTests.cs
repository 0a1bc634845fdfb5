using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Setup;
using StudioApi.Platform.Auth;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Sales.PriceLists;

public sealed class PriceListTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    sealed record SessionListBody(string ChosenBy, PriceListBody PriceList);

    [Fact]
    public async Task A_session_sells_from_its_organizations_list_else_its_types_else_the_channels_default()
    {
        var admin = await app.AdminAsync();
        var types = await app.WithDbAsync(db => db.SessionTypes.ToDictionaryAsync(t => t.Name, t => t.Id));
        var school = await (await admin.PostAsJsonAsync("/api/v1/organizations", new { name = "Oak High", code = SalesKit.Unique("OAK") }))
            .ShouldBeAsync<IdBody>(HttpStatusCode.Created);
        var studio = await admin.CreateListAsync("Studio", inStudio: new { isDefault = true });
        var seniors = await admin.CreateListAsync("Seniors", inStudio: new { sessionTypeIds = new[] { types["Senior"] } });
        var oak = await admin.CreateListAsync("Oak High packages", inStudio: new { organizationIds = new[] { school.Id } }, online: new { organizationIds = new[] { school.Id } });
        var store = await admin.CreateListAsync("Online store", online: new { isDefault = true });
        var client = await admin.CreateClientAsync("Buyer");

        var family = await admin.BookAsync(client, types["Family"], null, 1);
        var senior = await admin.BookAsync(client, types["Senior"], null, 2);
        var picture = await admin.BookAsync(client, types["Senior"], school.Id, 3);

        async Task<SessionListBody> ListOf(long session, string channel = "inStudio") =>
            await (await admin.GetAsync($"/api/v1/sessions/{session}/price-list?channel={channel}")).ShouldBeAsync<SessionListBody>(HttpStatusCode.OK);
        (await ListOf(family)).ShouldSatisfyAllConditions(l => l.PriceList.Id.ShouldBe(studio.Id), l => l.ChosenBy.ShouldBe("default"));
        (await ListOf(senior)).ShouldSatisfyAllConditions(l => l.PriceList.Id.ShouldBe(seniors.Id), l => l.ChosenBy.ShouldBe("sessionType"));
        (await ListOf(picture)).ShouldSatisfyAllConditions(l => l.PriceList.Id.ShouldBe(oak.Id), l => l.ChosenBy.ShouldBe("organization"));
        (await ListOf(senior, "online")).PriceList.Id.ShouldBe(store.Id);
        (await ListOf(picture, "online")).PriceList.Id.ShouldBe(oak.Id);

        // The kiosk reads it too; without any default nothing applies.
        var kiosk = await app.AsRoleAsync(UserRole.Sales);
        (await (await kiosk.GetAsync($"/api/v1/sessions/{family}/price-list")).ShouldBeAsync<SessionListBody>(HttpStatusCode.OK)).PriceList.Name.ShouldBe("Studio");
        var current = await admin.GetListAsync(studio.Id);
        (await admin.SendAsync(SalesKit.Delete($"/api/v1/price-lists/{studio.Id}", current.Version))).EnsureSuccessStatusCode();
        await (await admin.GetAsync($"/api/v1/sessions/{family}/price-list")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync("/api/v1/sessions/999999/price-list")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync($"/api/v1/sessions/{family}/price-list?channel=mail")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        // Restored, it is the default again; meanwhile another list took the default, so the restore is refused.
        var interim = await admin.CreateListAsync("Interim", inStudio: new { isDefault = true });
        var refused = await (await admin.PostAsync($"/api/v1/price-lists/{studio.Id}/restore", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        refused.GetProperty("taken")[0].GetProperty("priceListName").GetString().ShouldBe("Interim");
        (await admin.SendAsync(SalesKit.Delete($"/api/v1/price-lists/{interim.Id}", interim.Version))).EnsureSuccessStatusCode();
        (await (await admin.PostAsync($"/api/v1/price-lists/{studio.Id}/restore", null)).ShouldBeAsync<PriceListBody>(HttpStatusCode.OK)).InStudio.IsDefault.ShouldBeTrue();
        (await ListOf(family)).PriceList.Id.ShouldBe(studio.Id);
    }

    [Fact]
    public async Task A_use_belongs_to_one_list_and_names_only_records_that_exist()
    {
        var admin = await app.AdminAsync();
        var types = await app.WithDbAsync(db => db.SessionTypes.ToDictionaryAsync(t => t.Name, t => t.Id));
        var first = await admin.CreateListAsync(inStudio: new { sessionTypeIds = new[] { types["Event"] } });

        var second = await admin.PostAsJsonAsync("/api/v1/price-lists", new { name = SalesKit.Unique("L"), inStudio = new { sessionTypeIds = new[] { types["Event"] } } });
        var problem = await second.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("taken")[0].GetProperty("priceListId").GetInt64().ShouldBe(first.Id);
        // The same type online is another use.
        await admin.CreateListAsync(online: new { sessionTypeIds = new[] { types["Event"] } });

        var unknown = await admin.PostAsJsonAsync("/api/v1/price-lists", new
        {
            name = SalesKit.Unique("L"), inStudio = new { sessionTypeIds = new[] { 999_999L } }, online = new { organizationIds = new[] { 888_888L } },
        });
        (await unknown.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors()
            .ShouldBe(["inStudio.sessionTypeIds[0]", "online.organizationIds[0]"], ignoreOrder: true);
        var sameName = await admin.PostAsJsonAsync("/api/v1/price-lists", new { name = first.Name });
        await sameName.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Groups_keep_their_order_and_a_reorder_must_name_each_live_group_once()
    {
        var admin = await app.AdminAsync();
        var list = await admin.CreateListAsync();
        var fees = await admin.CreateGroupAsync(list.Id, "Session Fees");
        var prints = await admin.CreateGroupAsync(list.Id, "Prints");
        var digital = await admin.CreateGroupAsync(list.Id, "Digital");
        (await admin.GetListAsync(list.Id)).Groups.Select(g => g.Name).ShouldBe(["Session Fees", "Prints", "Digital"]);

        var reordered = await (await admin.PostAsJsonAsync($"/api/v1/price-lists/{list.Id}/groups/reorder", new { groupIds = new[] { digital.Id, fees.Id, prints.Id } }))
            .ShouldBeAsync<PriceListBody>(HttpStatusCode.OK);

        reordered.Groups.Select(g => g.Name).ShouldBe(["Digital", "Session Fees", "Prints"]);
        var missing = await admin.PostAsJsonAsync($"/api/v1/price-lists/{list.Id}/groups/reorder", new { groupIds = new[] { digital.Id, fees.Id } });
        (await missing.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("missing")[0].GetInt64().ShouldBe(prints.Id);
        var twice = await admin.PostAsJsonAsync($"/api/v1/price-lists/{list.Id}/groups/reorder", new { groupIds = new[] { digital.Id, digital.Id, prints.Id } });
        (await twice.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["groupIds"]);
        await (await admin.PostAsJsonAsync($"/api/v1/price-lists/{list.Id}/groups", new { name = "prints" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        // A group holding items stays; an empty one goes and comes back.
        await admin.CreateItemAsync(list.Id, SalesKit.Print(prints.Id, "8x10", 4500));
        var current = (await admin.GetListAsync(list.Id)).Groups.ToDictionary(g => g.Id);
        (await (await admin.SendAsync(SalesKit.Delete($"/api/v1/price-list-groups/{prints.Id}", current[prints.Id].Version)))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("itemCount").GetInt32().ShouldBe(1);
        (await admin.SendAsync(SalesKit.Delete($"/api/v1/price-list-groups/{digital.Id}", current[digital.Id].Version))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.GetListAsync(list.Id)).Groups.Select(g => g.Name).ShouldBe(["Session Fees", "Prints"]);
        await (await admin.PostItemAsync(list.Id, SalesKit.Print(digital.Id, "FILE", 100))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await (await admin.PostAsync($"/api/v1/price-list-groups/{digital.Id}/restore", null)).ShouldBeAsync<GroupBody>(HttpStatusCode.OK)).DeletedAt.ShouldBeNull();
    }

    [Fact]
    public async Task A_copy_has_the_same_groups_and_items_under_new_ids_with_packages_and_promotions_pointing_at_the_copies_and_no_uses()
    {
        var admin = await app.AdminAsync();
        var types = await app.WithDbAsync(db => db.SessionTypes.ToDictionaryAsync(t => t.Name, t => t.Id));
        var original = await admin.CreateListAsync(inStudio: new { sessionTypeIds = new[] { types["Portrait"] } });
        var prints = await admin.CreateGroupAsync(original.Id, "Prints");
        var packages = await admin.CreateGroupAsync(original.Id, "Packages");
        var print = await admin.CreateItemAsync(original.Id, SalesKit.Print(prints.Id, "8x10", 4500));
        var gold = await admin.CreateItemAsync(original.Id, SalesKit.Package(packages.Id, "GOLD", 14900, (print.Id, 2)));
        await admin.CreateItemAsync(original.Id, new
        {
            groupId = packages.Id, code = "PROMO", description = "10% off prints", type = "promotional", price = 0,
            promotion = new { couponCode = "TEN", discountPercent = "10", appliesToItemIds = new[] { print.Id }, appliesToGroupIds = new[] { prints.Id } },
        });

        var response = await admin.PostAsJsonAsync($"/api/v1/price-lists/{original.Id}/copy", new { name = "Next year" });

        var copy = await response.ShouldBeAsync<PriceListBody>(HttpStatusCode.Created);
        copy.Id.ShouldNotBe(original.Id);
        copy.ItemCount.ShouldBe(3);
        copy.InStudio.SessionTypeIds.ShouldBeEmpty();
        copy.Groups.Select(g => g.Name).ShouldBe(["Prints", "Packages"]);
        var items = (await admin.ItemsAsync(copy.Id)).ToDictionary(i => i.Code);
        items.Keys.ShouldBe(["8x10", "GOLD", "PROMO"]);
        items["8x10"].Id.ShouldNotBe(print.Id);
        items["8x10"].Version.ShouldBe(1);
        items["GOLD"].Package!.Components.Single().ShouldBe(new ComponentBody(items["8x10"].Id, 2, "8x10", "8x10 print"));
        items["PROMO"].Promotion!.AppliesToItemIds.ShouldBe([items["8x10"].Id]);
        items["PROMO"].Promotion!.AppliesToGroupIds.ShouldBe([copy.Groups[0].Id]);
        (await admin.GetItemAsync(gold.Id)).Package!.Components.Single().ItemId.ShouldBe(print.Id);
        await (await admin.PostAsJsonAsync($"/api/v1/price-lists/{original.Id}/copy", new { name = "Next year" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_deleted_list_takes_its_groups_and_items_to_the_recycle_bin_and_brings_back_only_those()
    {
        var admin = await app.AdminAsync();
        var list = await admin.CreateListAsync();
        var group = await admin.CreateGroupAsync(list.Id, "Prints");
        var kept = await admin.CreateItemAsync(list.Id, SalesKit.Print(group.Id, "8x10", 4500));
        var earlier = await admin.CreateItemAsync(list.Id, SalesKit.Print(group.Id, "5x7", 2500));
        (await admin.SendAsync(SalesKit.Delete($"/api/v1/price-list-items/{earlier.Id}", earlier.Version))).EnsureSuccessStatusCode();

        (await admin.SendAsync(SalesKit.Delete($"/api/v1/price-lists/{list.Id}", list.Version))).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await admin.GetAsync($"/api/v1/price-list-items/{kept.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync($"/api/v1/price-list-groups/{group.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var bin = await (await admin.GetAsync("/api/v1/price-lists?deleted=true")).ShouldBeAsync<Page<PriceListBody>>(HttpStatusCode.OK);
        bin.Items.Single(l => l.Id == list.Id).ItemCount.ShouldBe(1);
        await (await admin.PostAsync($"/api/v1/price-list-items/{kept.Id}/restore", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await (await app.AsRoleAsync(UserRole.Sales)).GetAsync("/api/v1/price-lists?deleted=true")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var restored = await (await admin.PostAsync($"/api/v1/price-lists/{list.Id}/restore", null)).ShouldBeAsync<PriceListBody>(HttpStatusCode.OK);

        restored.ItemCount.ShouldBe(1);
        restored.Groups.Single().Id.ShouldBe(group.Id);
        (await admin.ItemsAsync(list.Id)).Select(i => i.Id).ShouldBe([kept.Id]);
        (await admin.ItemsAsync(list.Id, "&deleted=true")).Select(i => i.Id).ShouldBe([earlier.Id]);
    }

    [Fact]
    public async Task Photographers_and_the_kiosk_read_price_lists_but_only_the_front_desk_changes_them()
    {
        var admin = await app.AdminAsync();
        var list = await admin.CreateListAsync();
        foreach (var role in new[] { UserRole.Sales, UserRole.Photographer })
        {
            var caller = await app.AsRoleAsync(role);
            (await caller.GetListAsync(list.Id)).Name.ShouldBe(list.Name);
            await (await caller.PostAsJsonAsync("/api/v1/price-lists", new { name = SalesKit.Unique("X") })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
            await (await caller.PostAsJsonAsync($"/api/v1/price-lists/{list.Id}/groups", new { name = "X" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
            await (await caller.PostAsJsonAsync($"/api/v1/price-lists/{list.Id}/copy", new { name = "X" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        }
        var staff = await app.AsRoleAsync(UserRole.Staff);
        await staff.CreateGroupAsync(list.Id, "Made by the front desk");
    }

    [Fact]
    public async Task The_currency_cannot_change_once_prices_exist_in_it()
    {
        var admin = await app.AdminAsync();
        var list = await admin.CreateListAsync();
        var group = await admin.CreateGroupAsync(list.Id, "Prints");
        await admin.CreateItemAsync(list.Id, SalesKit.Print(group.Id, "8x10", 4500));
        var settings = await admin.GetAsync("/api/v1/settings");
        var body = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, object?>>(await settings.Content.ReadAsStringAsync())!;
        var version = int.Parse(settings.Headers.ETag!.Tag.Trim('"'));

        body["currency"] = "JPY";
        var refused = await admin.SendAsync(SalesKit.Put("/api/v1/settings", body, version));

        (await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("price list item");
        body["currency"] = "USD";
        (await admin.SendAsync(SalesKit.Put("/api/v1/settings", body, version))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetListAsync(list.Id)).Currency.ShouldBe("USD");
    }
}

public sealed record IdBody(long Id, int Version);

static class SessionBooking
{
    public static async Task<long> CreateClientAsync(this HttpClient caller, string lastName) =>
        (await (await caller.PostAsJsonAsync("/api/v1/clients", new { firstName = "Pat", lastName })).ShouldBeAsync<IdBody>(HttpStatusCode.Created)).Id;

    /// <summary>A session some weeks ahead, an hour long, on its own day so no two collide.</summary>
    public static async Task<long> BookAsync(this HttpClient caller, long clientId, long sessionTypeId, long? organizationId, int week)
    {
        var date = DateTime.UtcNow.Date.AddDays(7 * (week + 4)).ToString("yyyy-MM-dd");
        var response = await caller.PostAsJsonAsync("/api/v1/sessions", new { clientId, sessionTypeId, organizationId, date, startTime = "10:00", endTime = "11:00" });
        return (await response.ShouldBeAsync<IdBody>(HttpStatusCode.Created)).Id;
    }
}

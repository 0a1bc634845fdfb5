using System.Net;
using System.Net.Http.Json;
using StudioApi.Platform.Auth;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Setup.Promotions;

public sealed record PromotionBody(
    long Id, int Version, string Name, string? Description, DateOnly? StartDate, DateOnly? EndDate, int SortOrder, bool IsActive,
    DateTimeOffset? DeletedAt);

public sealed record PromotionPage(List<PromotionBody> Items, string? NextCursor);

public sealed class PromotionTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    const string Url = "/api/v1/promotions";

    [Fact]
    public async Task An_admin_sets_up_a_seasonal_promotion_and_every_staff_role_can_read_it()
    {
        var admin = await app.AdminAsync();

        var created = await admin.PostAsJsonAsync(Url, new
        {
            name = "  Santa Claus  ",
            description = "Photos with Santa, advertised in the mall flyer",
            startDate = "2026-11-28",
            endDate = "2026-12-24",
            sortOrder = 10,
        });

        var santa = await created.ShouldBeAsync<PromotionBody>(HttpStatusCode.Created);
        created.Headers.Location!.ToString().ShouldEndWith($"{Url}/{santa.Id}");
        created.Headers.ETag!.Tag.ShouldBe("\"1\"");
        (santa.Name, santa.StartDate, santa.EndDate, santa.IsActive, santa.Version)
            .ShouldBe(("Santa Claus", new DateOnly(2026, 11, 28), new DateOnly(2026, 12, 24), true, 1));
        var photographer = await app.AsRoleAsync(UserRole.Photographer);
        var read = await photographer.GetAsync($"{Url}/{santa.Id}");
        (await read.ShouldBeAsync<PromotionBody>(HttpStatusCode.OK)).ShouldBe(santa);
        read.Headers.ETag!.Tag.ShouldBe("\"1\"");
    }

    [Fact]
    public async Task A_promotion_without_dates_runs_indefinitely_and_stores_no_description()
    {
        var admin = await app.AdminAsync();

        var referral = await (await admin.PostAsJsonAsync(Url, new { name = "Referral Coupon", description = "   " }))
            .ShouldBeAsync<PromotionBody>(HttpStatusCode.Created);

        (referral.Description, referral.StartDate, referral.EndDate).ShouldBe((null, null, null));
        var running = await (await admin.GetAsync($"{Url}?date=1999-01-01&q=referral")).ShouldBeAsync<PromotionPage>(HttpStatusCode.OK);
        running.Items.ShouldHaveSingleItem().Id.ShouldBe(referral.Id);
    }

    [Fact]
    public async Task Two_live_promotions_cannot_share_a_name_but_one_in_the_recycle_bin_frees_it()
    {
        var admin = await app.AdminAsync();
        var first = await (await admin.PostAsJsonAsync(Url, new { name = "Two-for-One" })).ShouldBeAsync<PromotionBody>(HttpStatusCode.Created);

        var duplicate = await admin.PostAsJsonAsync(Url, new { name = "Two-for-One", description = "again" });
        (await duplicate.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("Two-for-One");

        (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"{Url}/{first.Id}").WithIfMatch("\"1\"")))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.PostAsJsonAsync(Url, new { name = "Two-for-One" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        // Bringing the old one back would make two live promotions of that name.
        await (await admin.PostAsync($"{Url}/{first.Id}/restore", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Renaming_a_promotion_to_another_ones_name_is_a_conflict()
    {
        var admin = await app.AdminAsync();
        await admin.PostAsJsonAsync(Url, new { name = "Bunnies" });
        var spring = await (await admin.PostAsJsonAsync(Url, new { name = "Spring Sale" })).ShouldBeAsync<PromotionBody>(HttpStatusCode.Created);

        var rename = await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, $"{Url}/{spring.Id}", new { name = "Bunnies" }).WithIfMatch("\"1\""));

        await rename.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await (await admin.GetAsync($"{Url}/{spring.Id}")).ShouldBeAsync<PromotionBody>(HttpStatusCode.OK)).Name.ShouldBe("Spring Sale");
    }

    [Fact]
    public async Task Invalid_fields_are_a_validation_problem_naming_each_field()
    {
        var admin = await app.AdminAsync();

        var response = await admin.PostAsJsonAsync(Url, new
        {
            name = new string('x', 101),
            description = new string('d', 1001),
            startDate = "2026-05-10",
            endDate = "2026-05-09",
            sortOrder = -1,
        });

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors()
            .ShouldBe(["name", "description", "endDate", "sortOrder"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_promotion_may_run_for_a_single_day_but_needs_a_name()
    {
        var admin = await app.AdminAsync();

        (await admin.PostAsJsonAsync(Url, new { name = "Mother's Day", startDate = "2026-05-10", endDate = "2026-05-10" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        (await (await admin.PostAsJsonAsync(Url, new { name = "" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldErrors().ShouldBe(["name"]);
    }

    [Fact]
    public async Task An_update_needs_the_current_version_and_a_stale_one_overwrites_nothing()
    {
        var admin = await app.AdminAsync();
        var fall = await (await admin.PostAsJsonAsync(Url, new { name = "Fall Colors" })).ShouldBeAsync<PromotionBody>(HttpStatusCode.Created);
        var url = $"{Url}/{fall.Id}";

        var updated = await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, url,
            new { name = "Fall Colors", startDate = "2026-09-20", endDate = "2026-11-15", isActive = false }).WithIfMatch("\"1\""));
        var body = await updated.ShouldBeAsync<PromotionBody>(HttpStatusCode.OK);
        (body.Version, body.IsActive, body.EndDate).ShouldBe((2, false, new DateOnly(2026, 11, 15)));
        updated.Headers.ETag!.Tag.ShouldBe("\"2\"");

        var stale = await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, url, new { name = "Autumn" }).WithIfMatch("\"1\""));
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        var unconditional = await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, url, new { name = "Autumn" }));
        await unconditional.ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        (await (await admin.GetAsync(url)).ShouldBeAsync<PromotionBody>(HttpStatusCode.OK)).Name.ShouldBe("Fall Colors");
    }

    [Fact]
    public async Task A_deleted_promotion_waits_in_the_recycle_bin_until_it_is_restored()
    {
        var admin = await app.AdminAsync();
        var easter = await (await admin.PostAsJsonAsync(Url, new { name = "Easter Minis" })).ShouldBeAsync<PromotionBody>(HttpStatusCode.Created);
        var url = $"{Url}/{easter.Id}";

        (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, url).WithIfMatch("\"1\""))).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await admin.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var live = await (await admin.GetAsync($"{Url}?q=easter")).ShouldBeAsync<PromotionPage>(HttpStatusCode.OK);
        live.Items.ShouldBeEmpty();
        var bin = await (await admin.GetAsync($"{Url}?deleted=true&q=easter")).ShouldBeAsync<PromotionPage>(HttpStatusCode.OK);
        bin.Items.ShouldHaveSingleItem().DeletedAt.ShouldNotBeNull();

        var restored = await (await admin.PostAsync($"{url}/restore", null)).ShouldBeAsync<PromotionBody>(HttpStatusCode.OK);
        restored.DeletedAt.ShouldBeNull();
        (await admin.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await admin.PostAsync($"{url}/restore", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_list_filters_by_the_day_a_promotion_runs_and_by_whether_it_is_active()
    {
        var admin = await app.AdminAsync();
        var summer = await CreateAsync(admin, new { name = "Filter Summer", startDate = "2027-06-01", endDate = "2027-08-31" });
        var openEnded = await CreateAsync(admin, new { name = "Filter Open-ended", startDate = "2027-07-01" });
        var retired = await CreateAsync(admin, new { name = "Filter Retired", endDate = "2027-06-30", isActive = false });

        async Task<List<long>> IdsAsync(string query) =>
            (await (await admin.GetAsync($"{Url}?q=filter&sort=name&{query}")).ShouldBeAsync<PromotionPage>(HttpStatusCode.OK))
            .Items.Select(p => p.Id).ToList();

        (await IdsAsync("date=2027-06-15")).ShouldBe([retired.Id, summer.Id]);
        (await IdsAsync("date=2027-08-31")).ShouldBe([openEnded.Id, summer.Id]);
        (await IdsAsync("date=2027-09-01")).ShouldBe([openEnded.Id]);
        (await IdsAsync("active=false")).ShouldBe([retired.Id]);
        (await IdsAsync("active=true&date=2027-07-01")).ShouldBe([openEnded.Id, summer.Id]);
    }

    [Fact]
    public async Task The_list_pages_in_pick_list_order_and_can_sort_by_start_date()
    {
        var admin = await app.AdminAsync();
        var third = await CreateAsync(admin, new { name = "Paged C", sortOrder = 30, startDate = "2027-01-01" });
        var first = await CreateAsync(admin, new { name = "Paged A", sortOrder = 10, startDate = "2027-03-01" });
        var second = await CreateAsync(admin, new { name = "Paged B", sortOrder = 20 });

        var page1 = await (await admin.GetAsync($"{Url}?q=paged&limit=2")).ShouldBeAsync<PromotionPage>(HttpStatusCode.OK);
        var page2 = await (await admin.GetAsync($"{Url}?q=paged&limit=2&cursor={Uri.EscapeDataString(page1.NextCursor!)}"))
            .ShouldBeAsync<PromotionPage>(HttpStatusCode.OK);

        page1.Items.Select(p => p.Id).ShouldBe([first.Id, second.Id]);
        page2.Items.Select(p => p.Id).ShouldBe([third.Id]);
        page2.NextCursor.ShouldBeNull();
        var byStart = await (await admin.GetAsync($"{Url}?q=paged&sort=-startDate")).ShouldBeAsync<PromotionPage>(HttpStatusCode.OK);
        byStart.Items.Select(p => p.Id).ShouldBe([first.Id, third.Id, second.Id]);
        var badSort = await admin.GetAsync($"{Url}?sort=price");
        (await badSort.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["sort"]);
    }

    [Fact]
    public async Task Staff_can_read_promotions_but_only_an_admin_changes_the_list()
    {
        var admin = await app.AdminAsync();
        var coupon = await CreateAsync(admin, new { name = "Free Session Fee" });
        var staff = await app.AsRoleAsync(UserRole.Staff);

        (await staff.GetAsync($"{Url}/{coupon.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await staff.PostAsJsonAsync(Url, new { name = "Staff special" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var delete = await staff.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"{Url}/{coupon.Id}").WithIfMatch("\"1\""));
        await delete.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    static async Task<PromotionBody> CreateAsync(HttpClient admin, object body) =>
        await (await admin.PostAsJsonAsync(Url, body)).ShouldBeAsync<PromotionBody>(HttpStatusCode.Created);
}

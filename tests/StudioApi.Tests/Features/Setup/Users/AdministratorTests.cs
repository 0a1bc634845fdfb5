using System.Net;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Auth;
using StudioApi.Tests.Features.Setup.SignIn;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Setup.Users;

/// <summary>What an administrator's changes do to people already signed in, and the rules that keep the studio administrable.</summary>
public sealed class AdministratorTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    [Fact]
    public async Task Disabling_a_user_shuts_out_their_access_token_on_the_very_next_request()
    {
        var admin = await app.AdminAsync();
        var username = SignInSteps.NewUsername("staff");
        var user = await app.CreateUserAsync(username, UserRole.Staff);
        var session = await app.SignInAsync(username);
        var client = app.ClientWith(session.AccessToken);
        (await client.GetAsync("/api/v1/organizations")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var body = await GetAsync(admin, user.Id);
        (await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, $"/api/v1/users/{user.Id}", UserRequests.Change(body, isActive: false))
            .WithIfMatch("\"1\""))).StatusCode.ShouldBe(HttpStatusCode.OK);

        await (await client.GetAsync("/api/v1/organizations")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await app.PostRefreshAsync(session.RefreshToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Demoting_an_administrator_takes_their_admin_rights_away_on_the_very_next_request()
    {
        var admin = await app.AdminAsync();
        var username = SignInSteps.NewUsername("boss");
        var other = await app.CreateUserAsync(username, UserRole.Admin);
        var otherAdmin = app.ClientWith((await app.SignInAsync(username)).AccessToken);
        (await otherAdmin.GetAsync("/api/v1/users")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var body = await GetAsync(admin, other.Id);
        (await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, $"/api/v1/users/{other.Id}", UserRequests.Change(body, role: "sales"))
            .WithIfMatch("\"1\""))).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Same token, which still says admin: the role is read from the database on every request.
        await (await otherAdmin.GetAsync("/api/v1/users")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await otherAdmin.GetAsync("/api/v1/organizations")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_administrator_cannot_delete_or_disable_their_own_account()
    {
        var admin = await app.AdminAsync();
        var me = await MeAsync(admin);
        var url = $"/api/v1/users/{me.Id}";
        var etag = $"\"{me.Version}\"";

        await (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, url).WithIfMatch(etag))).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, url, UserRequests.Change(me, isActive: false)).WithIfMatch(etag)))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);

        var after = await GetAsync(admin, me.Id);
        after.IsActive.ShouldBeTrue();
        after.Version.ShouldBe(me.Version);
    }

    [Fact]
    public async Task The_last_active_administrator_cannot_stop_being_one()
    {
        await OnlyTheSeededAdministratorIsAnActiveAdminAsync();
        var admin = await app.AdminAsync();
        var me = await MeAsync(admin);

        var demote = await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, $"/api/v1/users/{me.Id}", UserRequests.Change(me, role: "staff"))
            .WithIfMatch($"\"{me.Version}\""));

        var problem = await demote.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("detail").GetString()!.ShouldContain("last active administrator");
        (await GetAsync(admin, me.Id)).Role.ShouldBe("admin");
    }

    [Fact]
    public async Task An_administrator_may_step_down_while_another_active_one_remains()
    {
        await OnlyTheSeededAdministratorIsAnActiveAdminAsync();
        var admin = await app.AdminAsync();
        var username = SignInSteps.NewUsername("stepdown");
        await app.CreateUserAsync(username, UserRole.Admin);
        var leaving = app.ClientWith((await app.SignInAsync(username)).AccessToken);
        var me = await MeAsync(leaving, username);

        var demote = await leaving.SendAsync(HttpAssertions.Json(HttpMethod.Put, $"/api/v1/users/{me.Id}", UserRequests.Change(me, role: "staff"))
            .WithIfMatch($"\"{me.Version}\""));

        (await demote.ShouldBeAsync<UserBody>(HttpStatusCode.OK)).Role.ShouldBe("staff");
        (await admin.GetAsync("/api/v1/users")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Two_administrators_disabling_each_other_at_once_leave_one_of_them_active()
    {
        await OnlyTheSeededAdministratorIsAnActiveAdminAsync();
        var first = await app.AdminAsync();
        var username = SignInSteps.NewUsername("rival");
        await app.CreateUserAsync(username, UserRole.Admin);
        var second = app.ClientWith((await app.SignInAsync(username)).AccessToken);
        var firstUser = await MeAsync(first);
        var secondUser = await MeAsync(first, username);

        var results = await Task.WhenAll(
            first.SendAsync(HttpAssertions.Json(HttpMethod.Put, $"/api/v1/users/{secondUser.Id}", UserRequests.Change(secondUser, isActive: false))
                .WithIfMatch($"\"{secondUser.Version}\"")),
            second.SendAsync(HttpAssertions.Json(HttpMethod.Put, $"/api/v1/users/{firstUser.Id}", UserRequests.Change(firstUser, isActive: false))
                .WithIfMatch($"\"{firstUser.Version}\"")));

        // Whichever went second either was refused as the last admin, or was already shut out by the first.
        results.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBeLessThanOrEqualTo(1);
        var activeAdmins = await app.WithDbAsync(db => db.Users.CountAsync(u => u.Role == UserRole.Admin && u.IsActive));
        activeAdmins.ShouldBe(1);
        await OnlyTheSeededAdministratorIsAnActiveAdminAsync(); // the seeded admin may have lost; the other tests sign in as it
    }

    /// <summary>Other tests of this class create administrators (and may disable the seeded one): make the seeded one the only active admin.</summary>
    Task OnlyTheSeededAdministratorIsAnActiveAdminAsync() =>
        app.WithDbAsync(async db =>
        {
            await db.Users.Where(u => u.Username == "admin")
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.Role, UserRole.Admin).SetProperty(x => x.IsActive, true));
            await db.Users.Where(u => u.Role == UserRole.Admin && u.Username != "admin")
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.Role, UserRole.Staff));
        });

    static async Task<UserBody> MeAsync(HttpClient admin, string username = "admin") =>
        (await (await admin.GetAsync($"/api/v1/users?q={username}")).ShouldBeAsync<UserPage>(HttpStatusCode.OK))
        .Items.Single(u => u.Username == username);

    static async Task<UserBody> GetAsync(HttpClient admin, long id) =>
        await (await admin.GetAsync($"/api/v1/users/{id}")).ShouldBeAsync<UserBody>(HttpStatusCode.OK);
}

using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Auth;
using StudioApi.Tests.Features.Setup.SignIn;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Setup.Users;

public sealed class UserTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    [Fact]
    public async Task A_created_user_can_sign_in_with_their_password_and_be_read_back()
    {
        var admin = await app.AdminAsync();
        var username = SignInSteps.NewUsername("Maria");

        var created = await admin.PostAsJsonAsync("/api/v1/users", UserRequests.New(username, "photographer"));

        var body = await created.ShouldBeAsync<UserBody>(HttpStatusCode.Created);
        body.Username.ShouldBe(username.ToLowerInvariant());
        body.Role.ShouldBe("photographer");
        body.IsActive.ShouldBeTrue();
        created.Headers.Location!.ToString().ShouldEndWith($"/api/v1/users/{body.Id}");
        created.Headers.ETag!.Tag.ShouldBe("\"1\"");
        await app.SignInAsync(username, UserRequests.Password);
        var read = await (await admin.GetAsync(created.Headers.Location)).ShouldBeAsync<UserBody>(HttpStatusCode.OK);
        read.LastLoginAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_username_taken_in_any_letter_case_is_a_conflict()
    {
        var admin = await app.AdminAsync();
        var username = SignInSteps.NewUsername("dup");
        (await admin.PostAsJsonAsync("/api/v1/users", UserRequests.New(username))).EnsureSuccessStatusCode();

        var duplicate = await admin.PostAsJsonAsync("/api/v1/users", UserRequests.New(username.ToUpperInvariant()));

        await duplicate.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Invalid_fields_are_named_in_a_validation_problem_and_create_nothing()
    {
        var admin = await app.AdminAsync();
        var before = await CountUsersAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/users", new
        {
            username = "has space",
            displayName = "",
            email = "not-an-email",
            password = "too-short",
        });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldErrors().ShouldBe(["username", "displayName", "email", "role", "password"], ignoreOrder: true);
        (await CountUsersAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Creating_with_an_idempotency_key_twice_creates_one_user()
    {
        var admin = await app.AdminAsync();
        var body = UserRequests.New(SignInSteps.NewUsername("retry"));

        async Task<HttpResponseMessage> PostAsync()
        {
            var request = HttpAssertions.Json(HttpMethod.Post, "/api/v1/users", body);
            request.Headers.Add("Idempotency-Key", "create-user-once");
            return await admin.SendAsync(request);
        }

        var first = await (await PostAsync()).ShouldBeAsync<UserBody>(HttpStatusCode.Created);
        var second = await (await PostAsync()).ShouldBeAsync<UserBody>(HttpStatusCode.Created);

        second.Id.ShouldBe(first.Id);
    }

    [Fact]
    public async Task The_password_and_its_hash_appear_in_no_response()
    {
        var admin = await app.AdminAsync();
        var username = SignInSteps.NewUsername("secret");
        var bodies = new List<string>();

        var created = await admin.PostAsJsonAsync("/api/v1/users", UserRequests.New(username));
        bodies.Add(await created.Content.ReadAsStringAsync());
        var user = await created.ShouldBeAsync<UserBody>(HttpStatusCode.Created);
        var url = $"/api/v1/users/{user.Id}";
        bodies.Add(await (await admin.GetAsync(url)).Content.ReadAsStringAsync());
        bodies.Add(await (await admin.GetAsync($"/api/v1/users?q={username}")).Content.ReadAsStringAsync());
        bodies.Add(await (await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, url, UserRequests.Change(user, displayName: "Renamed"))
            .WithIfMatch("\"1\""))).Content.ReadAsStringAsync());
        var setPassword = await admin.PostAsJsonAsync($"{url}/password", new { password = "another-long-password" });
        setPassword.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        bodies.Add(await setPassword.Content.ReadAsStringAsync());
        bodies.Add(await (await admin.PostAsync($"{url}/unlock", null)).Content.ReadAsStringAsync());
        (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, url).WithIfMatch("\"3\""))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        bodies.Add(await (await admin.PostAsync($"{url}/restore", null)).Content.ReadAsStringAsync());

        var hash = await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.PasswordHash).SingleAsync());
        bodies.ShouldAllBe(b => !b.Contains("password", StringComparison.OrdinalIgnoreCase)
                                && !b.Contains(UserRequests.Password, StringComparison.Ordinal)
                                && !b.Contains(hash, StringComparison.Ordinal));
        bodies.Count(b => b.Contains(username.ToLowerInvariant(), StringComparison.Ordinal)).ShouldBe(6);
    }

    [Fact]
    public async Task Users_can_be_filtered_by_text_role_and_enabled_state_and_sorted()
    {
        var admin = await app.AdminAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        foreach (var (name, role) in new[] { ("c", "sales"), ("a", "sales"), ("b", "photographer") })
            (await admin.PostAsJsonAsync("/api/v1/users", UserRequests.New($"{tag}-{name}", role))).EnsureSuccessStatusCode();
        var disabled = await (await admin.PostAsJsonAsync("/api/v1/users", UserRequests.New($"{tag}-d", "sales"))).ShouldBeAsync<UserBody>(HttpStatusCode.Created);
        (await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, $"/api/v1/users/{disabled.Id}", UserRequests.Change(disabled, isActive: false))
            .WithIfMatch("\"1\""))).EnsureSuccessStatusCode();

        async Task<List<string>> ListAsync(string query) =>
            (await (await admin.GetAsync($"/api/v1/users?q={tag}&{query}")).ShouldBeAsync<UserPage>(HttpStatusCode.OK))
            .Items.Select(u => u.Username[(tag.Length + 1)..]).ToList();

        (await ListAsync("sort=username")).ShouldBe(["a", "b", "c", "d"]);
        (await ListAsync("sort=-username")).ShouldBe(["d", "c", "b", "a"]);
        (await ListAsync("role=sales&sort=username")).ShouldBe(["a", "c", "d"]);
        (await ListAsync("role=sales&isActive=true&sort=username")).ShouldBe(["a", "c"]);
        (await ListAsync("isActive=false")).ShouldBe(["d"]);
        await (await admin.GetAsync("/api/v1/users?sort=password")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_update_with_a_stale_version_changes_nothing()
    {
        var admin = await app.AdminAsync();
        var user = await (await admin.PostAsJsonAsync("/api/v1/users", UserRequests.New(SignInSteps.NewUsername("stale"))))
            .ShouldBeAsync<UserBody>(HttpStatusCode.Created);
        var url = $"/api/v1/users/{user.Id}";
        (await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, url, UserRequests.Change(user, displayName: "First")).WithIfMatch("\"1\"")))
            .EnsureSuccessStatusCode();

        var stale = await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, url, UserRequests.Change(user, role: "admin")).WithIfMatch("\"1\""));
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        var withoutIfMatch = await admin.SendAsync(HttpAssertions.Json(HttpMethod.Put, url, UserRequests.Change(user, role: "admin")));
        await withoutIfMatch.ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);

        var current = await (await admin.GetAsync(url)).ShouldBeAsync<UserBody>(HttpStatusCode.OK);
        current.DisplayName.ShouldBe("First");
        current.Role.ShouldBe("staff");
    }

    [Fact]
    public async Task A_new_password_replaces_the_old_one_and_signs_the_user_out_everywhere()
    {
        var admin = await app.AdminAsync();
        var username = SignInSteps.NewUsername("newpw");
        var user = await app.CreateUserAsync(username, UserRole.Staff);
        var session = await app.SignInAsync(username);

        var tooShort = await admin.PostAsJsonAsync($"/api/v1/users/{user.Id}/password", new { password = "short" });
        (await tooShort.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors().ShouldBe(["password"]);
        var response = await admin.PostAsJsonAsync($"/api/v1/users/{user.Id}/password", new { password = "a-brand-new-password" });

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await app.PostRefreshAsync(session.RefreshToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await app.PostSignInAsync(username, StudioApiFactory.UserPassword)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await app.SignInAsync(username, "a-brand-new-password");
    }

    [Fact]
    public async Task A_deleted_user_is_signed_out_cannot_sign_in_and_can_be_restored()
    {
        var admin = await app.AdminAsync();
        var username = SignInSteps.NewUsername("gone");
        var user = await app.CreateUserAsync(username, UserRole.Sales);
        var session = await app.SignInAsync(username);
        var url = $"/api/v1/users/{user.Id}";

        (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, url).WithIfMatch("\"1\""))).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await app.ClientWith(session.AccessToken).GetAsync("/api/v1/organizations")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await app.PostRefreshAsync(session.RefreshToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await app.PostSignInAsync(username, StudioApiFactory.UserPassword)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await admin.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var bin = await (await admin.GetAsync($"/api/v1/users?deleted=true&q={username}")).ShouldBeAsync<UserPage>(HttpStatusCode.OK);
        bin.Items.Single().DeletedAt.ShouldNotBeNull();
        // The username stays taken while its user is in the recycle bin.
        await (await admin.PostAsJsonAsync("/api/v1/users", UserRequests.New(username))).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var restored = await (await admin.PostAsync($"{url}/restore", null)).ShouldBeAsync<UserBody>(HttpStatusCode.OK);
        restored.DeletedAt.ShouldBeNull();
        await app.SignInAsync(username);
    }

    [Theory]
    [InlineData(UserRole.Staff)]
    [InlineData(UserRole.Photographer)]
    [InlineData(UserRole.Sales)]
    public async Task Only_administrators_may_see_or_change_users(UserRole role)
    {
        var caller = await app.AsRoleAsync(role);
        var target = await app.CreateUserAsync(SignInSteps.NewUsername("target"), UserRole.Staff);
        var url = $"/api/v1/users/{target.Id}";

        await (await caller.GetAsync("/api/v1/users")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await caller.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await caller.PostAsJsonAsync("/api/v1/users", UserRequests.New(SignInSteps.NewUsername("sneaky"), "admin")))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await caller.SendAsync(HttpAssertions.Json(HttpMethod.Put, url, new { displayName = "x", role = "admin", isActive = true })
            .WithIfMatch("\"1\""))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await caller.PostAsJsonAsync($"{url}/password", new { password = "a-long-enough-password" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await caller.PostAsync($"{url}/unlock", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await caller.SendAsync(new HttpRequestMessage(HttpMethod.Delete, url).WithIfMatch("\"1\""))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await caller.PostAsync($"{url}/restore", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var unchanged = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == target.Id));
        unchanged.Version.ShouldBe(1);
    }

    Task<int> CountUsersAsync() => app.WithDbAsync(db => db.Users.IgnoreQueryFilters().CountAsync());
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Auth;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Setup.SignIn;

public sealed class SignInTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    [Fact]
    public async Task Signing_in_with_the_right_password_gives_tokens_that_open_the_api_and_records_the_login()
    {
        var username = SignInSteps.NewUsername("in");
        var user = await app.CreateUserAsync(username, UserRole.Staff);

        var tokens = await app.SignInAsync(username);

        tokens.TokenType.ShouldBe("Bearer");
        tokens.ExpiresIn.ShouldBeGreaterThan(0);
        tokens.RefreshToken.ShouldNotBeNullOrEmpty();
        (await app.ClientWith(tokens.AccessToken).GetAsync("/api/v1/organizations")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var lastLogin = await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.LastLoginAt).SingleAsync());
        lastLogin.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_wrong_password_or_an_unknown_user_is_refused_alike()
    {
        var username = SignInSteps.NewUsername("wrong");
        await app.CreateUserAsync(username, UserRole.Staff);

        var wrongPassword = await (await app.PostSignInAsync(username, "not-the-password")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        var unknownUser = await (await app.PostSignInAsync("nobody-here", "not-the-password")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

        // The same answer for both, so sign-in cannot be used to find out which usernames exist.
        wrongPassword.GetProperty("detail").GetString().ShouldBe(unknownUser.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_username_is_not_case_sensitive()
    {
        var username = SignInSteps.NewUsername("case");
        await app.CreateUserAsync(username, UserRole.Staff);

        (await app.PostSignInAsync(username.ToUpperInvariant(), StudioApiFactory.UserPassword)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Five_failed_sign_ins_lock_the_account_so_even_the_right_password_is_refused()
    {
        var username = SignInSteps.NewUsername("lock");
        await app.CreateUserAsync(username, UserRole.Staff);

        await FailFiveTimesAsync(username);

        var right = await (await app.PostSignInAsync(username, StudioApiFactory.UserPassword)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        right.GetProperty("title").GetString().ShouldBe("Account locked");
    }

    [Fact]
    public async Task Four_failed_sign_ins_followed_by_a_good_one_start_the_count_again()
    {
        var username = SignInSteps.NewUsername("reset");
        await app.CreateUserAsync(username, UserRole.Staff);

        for (var i = 0; i < 4; i++)
            await (await app.PostSignInAsync(username, "wrong-password")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await app.SignInAsync(username);
        for (var i = 0; i < 4; i++)
            await (await app.PostSignInAsync(username, "wrong-password")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

        (await app.PostSignInAsync(username, StudioApiFactory.UserPassword)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_lockout_ends_when_its_time_is_up()
    {
        var username = SignInSteps.NewUsername("expiry");
        var user = await app.CreateUserAsync(username, UserRole.Staff);
        await FailFiveTimesAsync(username);

        // Fifteen minutes pass.
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.LockedUntil, DateTime.UtcNow.AddSeconds(-1))));

        (await app.PostSignInAsync(username, StudioApiFactory.UserPassword)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_administrator_can_unlock_a_locked_account_at_once()
    {
        var admin = await app.AdminAsync();
        var username = SignInSteps.NewUsername("unlock");
        var user = await app.CreateUserAsync(username, UserRole.Photographer);
        await FailFiveTimesAsync(username);

        var locked = await (await admin.GetAsync($"/api/v1/users/{user.Id}")).ShouldBeAsync<Users.UserBody>(HttpStatusCode.OK);
        locked.LockedUntil.ShouldNotBeNull();
        var unlocked = await (await admin.PostAsync($"/api/v1/users/{user.Id}/unlock", null)).ShouldBeAsync<Users.UserBody>(HttpStatusCode.OK);

        unlocked.LockedUntil.ShouldBeNull();
        // Bookkeeping, not an edit: an administrator's If-Match stays valid.
        unlocked.Version.ShouldBe(locked.Version);
        (await app.PostSignInAsync(username, StudioApiFactory.UserPassword)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in()
    {
        var username = SignInSteps.NewUsername("off");
        var user = await app.CreateUserAsync(username, UserRole.Staff);
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false)));

        await (await app.PostSignInAsync(username, StudioApiFactory.UserPassword)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    async Task FailFiveTimesAsync(string username)
    {
        for (var i = 0; i < 5; i++)
            await (await app.PostSignInAsync(username, "wrong-password")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }
}

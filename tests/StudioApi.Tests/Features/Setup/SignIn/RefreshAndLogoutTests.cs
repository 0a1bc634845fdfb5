using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Auth;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Setup.SignIn;

public sealed class RefreshAndLogoutTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    [Fact]
    public async Task A_refresh_gives_a_working_access_token_and_a_new_refresh_token_of_the_same_chain()
    {
        var tokens = await SignInNewUserAsync();

        var refreshed = await (await app.PostRefreshAsync(tokens.RefreshToken)).ShouldBeAsync<TokenBody>(HttpStatusCode.OK);

        refreshed.RefreshToken.ShouldNotBe(tokens.RefreshToken);
        (await app.ClientWith(refreshed.AccessToken).GetAsync("/api/v1/organizations")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var (old, next) = await app.WithDbAsync(async db => (
            await db.RefreshTokens.SingleAsync(t => t.TokenHash == RefreshTokenIssuer.Hash(tokens.RefreshToken)),
            await db.RefreshTokens.SingleAsync(t => t.TokenHash == RefreshTokenIssuer.Hash(refreshed.RefreshToken))));
        old.ReplacedAt.ShouldNotBeNull();
        next.FamilyId.ShouldBe(old.FamilyId);
    }

    [Fact]
    public async Task Reusing_a_spent_refresh_token_is_refused_and_signs_out_its_whole_chain()
    {
        var tokens = await SignInNewUserAsync();
        var refreshed = await (await app.PostRefreshAsync(tokens.RefreshToken)).ShouldBeAsync<TokenBody>(HttpStatusCode.OK);

        // Someone replays the first token (a thief, or a client that lost the answer).
        await (await app.PostRefreshAsync(tokens.RefreshToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

        // The legitimate newest token dies with it: whoever holds it must sign in again.
        await (await app.PostRefreshAsync(refreshed.RefreshToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Refreshes_racing_with_one_token_give_exactly_one_new_pair_and_the_chain_never_forks()
    {
        var tokens = await SignInNewUserAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => app.PostRefreshAsync(tokens.RefreshToken)));

        var winners = responses.Where(r => r.StatusCode == HttpStatusCode.OK).ToList();
        winners.Count.ShouldBe(1);
        foreach (var loser in responses.Except(winners))
            await loser.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        var chain = await app.WithDbAsync(async db =>
        {
            var familyId = await db.RefreshTokens.Where(t => t.TokenHash == RefreshTokenIssuer.Hash(tokens.RefreshToken))
                .Select(t => t.FamilyId).SingleAsync();
            return await db.RefreshTokens.Where(t => t.FamilyId == familyId).ToListAsync();
        });
        chain.Count.ShouldBe(2); // the original and the one winner's successor
        // The losers presented a spent token: a reuse, which signs the chain out like any other.
        chain.ShouldAllBe(t => t.RevokedAt != null);
        var won = await winners[0].ShouldBeAsync<TokenBody>(HttpStatusCode.OK);
        await (await app.PostRefreshAsync(won.RefreshToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_unknown_or_expired_refresh_token_is_refused()
    {
        var tokens = await SignInNewUserAsync();
        await app.WithDbAsync(db => db.RefreshTokens.Where(t => t.TokenHash == RefreshTokenIssuer.Hash(tokens.RefreshToken))
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.ExpiresAt, DateTime.UtcNow.AddMinutes(-1))));

        await (await app.PostRefreshAsync(tokens.RefreshToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await app.PostRefreshAsync("made-up-token")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_disabled_user_cannot_refresh()
    {
        var username = SignInSteps.NewUsername("disabled");
        var user = await app.CreateUserAsync(username, UserRole.Sales);
        var tokens = await app.SignInAsync(username);
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false)));

        await (await app.PostRefreshAsync(tokens.RefreshToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Logging_out_revokes_the_refresh_token_and_its_chain()
    {
        var tokens = await SignInNewUserAsync();
        var refreshed = await (await app.PostRefreshAsync(tokens.RefreshToken)).ShouldBeAsync<TokenBody>(HttpStatusCode.OK);
        var client = app.ClientWith(refreshed.AccessToken);

        var logout = await client.PostAsJsonAsync("/api/v1/auth/logout", new { refreshToken = refreshed.RefreshToken });

        logout.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await app.PostRefreshAsync(refreshed.RefreshToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        var family = await app.WithDbAsync(db => db.RefreshTokens
            .Where(t => t.TokenHash == RefreshTokenIssuer.Hash(tokens.RefreshToken) || t.TokenHash == RefreshTokenIssuer.Hash(refreshed.RefreshToken))
            .Select(t => t.RevokedAt).ToListAsync());
        family.ShouldAllBe(revokedAt => revokedAt != null);
    }

    [Fact]
    public async Task Logging_out_needs_a_signed_in_caller_and_touches_only_the_callers_own_tokens()
    {
        var victim = await SignInNewUserAsync();
        var other = await SignInNewUserAsync();

        var anonymous = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/logout", new { refreshToken = victim.RefreshToken });
        await anonymous.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        var someoneElse = await app.ClientWith(other.AccessToken).PostAsJsonAsync("/api/v1/auth/logout", new { refreshToken = victim.RefreshToken });
        someoneElse.StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await app.PostRefreshAsync(victim.RefreshToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Logging_out_everywhere_revokes_every_sign_in_of_the_caller_only()
    {
        var username = SignInSteps.NewUsername("everywhere");
        await app.CreateUserAsync(username, UserRole.Photographer);
        var laptop = await app.SignInAsync(username);
        var tablet = await app.SignInAsync(username);
        var colleague = await SignInNewUserAsync();

        var response = await app.ClientWith(laptop.AccessToken).PostAsync("/api/v1/auth/logout-everywhere", null);

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await app.PostRefreshAsync(laptop.RefreshToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await app.PostRefreshAsync(tablet.RefreshToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await app.PostRefreshAsync(colleague.RefreshToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    async Task<TokenBody> SignInNewUserAsync()
    {
        var username = SignInSteps.NewUsername("refresh");
        await app.CreateUserAsync(username, UserRole.Staff);
        return await app.SignInAsync(username);
    }
}

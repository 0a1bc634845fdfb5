using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Auth;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Http.RateLimiting;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.SignIn.Refresh;

public sealed class RefreshTokenRequest
{
    /// <summary>The refresh token of the last sign-in or refresh.</summary>
    public string RefreshToken { get; set; } = "";
}

public sealed class RefreshTokenValidator : Validator<RefreshTokenRequest>
{
    public RefreshTokenValidator() => RuleFor(r => r.RefreshToken).NotEmpty().MaximumLength(200);
}

/// <summary>
/// Exchanges a refresh token for a new access token and a new refresh token of the same chain (family).
/// Each refresh token works once: presenting one that was already exchanged means it leaked, so the whole chain is revoked.
/// </summary>
public sealed class RefreshTokenEndpoint(
    StudioDbContext db,
    AccessTokenIssuer accessTokens,
    RefreshTokenIssuer refreshTokens) : Endpoint<RefreshTokenRequest, TokenResponse>
{
    public override void Configure()
    {
        Post("/auth/refresh");
        AllowAnonymous();
        Description(d => d.Operation("Auth", "Refresh", "Renew the access token",
            "Exchanges a refresh token for a new access token and a new refresh token. A refresh token works "
            + "once: using one again signs its whole chain out.").LimitedAsSignIn());
    }

    public override async Task HandleAsync(RefreshTokenRequest req, CancellationToken ct)
    {
        var hash = RefreshTokenIssuer.Hash(req.RefreshToken);
        var presented = await db.RefreshTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, ct)
                        ?? throw Refused("This refresh token is not valid.");
        var now = db.UtcNow;

        if (presented.RevokedAt is not null)
            throw Refused("This refresh token was revoked: sign in again.");
        if (presented.ReplacedAt is not null)
            throw await ReusedAsync(presented.FamilyId, ct);
        if (presented.ExpiresAt <= now)
            throw Refused("This refresh token has expired: sign in again.");

        // The query filter hides deleted users; disabled ones are refused here as at sign-in.
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == presented.UserId, ct);
        if (user is null || !user.IsActive)
        {
            await db.RevokeFamilyAsync(presented.FamilyId, ct);
            throw Refused("This user no longer exists or is disabled.");
        }

        var next = refreshTokens.Issue(user.Id, presented.FamilyId);
        var exchanged = await db.InTransactionAsync(async () =>
        {
            // Guarded on ReplacedAt and RevokedAt: of two refreshes racing with one token exactly one updates the row,
            // so a chain never forks; a sign-out that landed meanwhile wins too.
            var replaced = await db.RefreshTokens
                .Where(t => t.Id == presented.Id && t.ReplacedAt == null && t.RevokedAt == null)
                .ExecuteUpdateAsync(t => t.SetProperty(x => x.ReplacedAt, now), ct);
            if (replaced == 0)
                return false;
            db.RefreshTokens.Add(next.Record);
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);
        if (!exchanged)
        {
            // Lost the race: the token was spent a moment ago. That is a reuse like any other (a thief racing the
            // client looks just the same), so the chain goes, the winner's new token included.
            throw await ReusedAsync(presented.FamilyId, ct);
        }

        await Send.OkAsync(TokenResponse.Create(accessTokens.Issue(user), next, now), ct);
    }

    /// <summary>A spent token presented again: the client or a thief holds a copy. Sign the whole chain out.</summary>
    async Task<ApiProblem> ReusedAsync(Guid familyId, CancellationToken ct)
    {
        await db.RevokeFamilyAsync(familyId, ct);
        return Refused("This refresh token was already used: every session of its sign-in has been signed out. Sign in again.");
    }

    static ApiProblem Refused(string detail) => new(StatusCodes.Status401Unauthorized, "Invalid refresh token", detail);
}

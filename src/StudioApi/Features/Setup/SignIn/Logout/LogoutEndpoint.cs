using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Auth;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.SignIn.Logout;

public sealed class LogoutRequest
{
    /// <summary>The refresh token of the session to end.</summary>
    public string RefreshToken { get; set; } = "";
}

public sealed class LogoutValidator : Validator<LogoutRequest>
{
    public LogoutValidator() => RuleFor(r => r.RefreshToken).NotEmpty().MaximumLength(200);
}

/// <summary>
/// Signs one session out: the refresh token's chain is revoked, so it can no longer be refreshed.
/// The access token in hand keeps working until it expires (minutes); clients drop it.
/// </summary>
public sealed class LogoutEndpoint(StudioDbContext db) : Endpoint<LogoutRequest>
{
    public override void Configure()
    {
        Post("/auth/logout");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Auth", "Logout", "Sign out: revoke a refresh token and its chain"));
    }

    public override async Task HandleAsync(LogoutRequest req, CancellationToken ct)
    {
        var userId = User.UserId();
        var hash = RefreshTokenIssuer.Hash(req.RefreshToken);
        // Only the caller's own tokens; an unknown or already revoked token is signed out already, so also a 204.
        var family = await db.RefreshTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash && t.UserId == userId)
            .Select(t => (Guid?)t.FamilyId)
            .SingleOrDefaultAsync(ct);
        if (family is { } familyId)
            await db.RevokeFamilyAsync(familyId, ct);
        await Send.NoContentAsync(ct);
    }
}

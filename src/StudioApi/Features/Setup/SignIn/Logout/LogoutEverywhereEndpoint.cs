using FastEndpoints;
using StudioApi.Platform.Auth;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.SignIn.Logout;

/// <summary>Signs the caller out of every device: all their refresh tokens are revoked.</summary>
public sealed class LogoutEverywhereEndpoint(StudioDbContext db) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Post("/auth/logout-everywhere");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Auth", "LogoutEverywhere", "Sign out everywhere",
            "Revokes every refresh token of the caller."));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var userId = User.UserId();
        await db.RevokeRefreshTokensOfUserAsync(userId, ct);
        await Send.NoContentAsync(ct);
    }
}

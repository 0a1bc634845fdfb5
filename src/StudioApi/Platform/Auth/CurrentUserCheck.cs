using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Persistence;

namespace StudioApi.Platform.Auth;

/// <summary>
/// Runs on every authenticated request: a token is only as good as the user behind it right now.
/// A disabled or deleted user is refused, and the role comes from the database, not the token,
/// so disabling a user or changing their role takes effect on their next request, not at token expiry.
/// </summary>
public static class CurrentUserCheck
{
    public static async Task OnTokenValidated(TokenValidatedContext context)
    {
        // A partner's API client, not a user: its own area checks it (and there is none without that area).
        if (context.Principal?.Identity is ClaimsIdentity client && client.FindFirst(IApiClientCheck.ClientIdClaim)?.Value is { } clientId)
        {
            var check = context.HttpContext.RequestServices.GetService<IApiClientCheck>();
            if (check is null || !await check.RefreshAsync(client, clientId, context.HttpContext.RequestAborted))
                context.Fail("This API client no longer exists or is revoked.");
            return;
        }

        if (context.Principal?.Identity is not ClaimsIdentity identity
            || !long.TryParse(identity.FindFirst("sub")?.Value, out var userId))
        {
            context.Fail("The token names no user.");
            return;
        }

        var db = context.HttpContext.RequestServices.GetRequiredService<StudioDbContext>();
        // The first query of every authenticated request: its connection stays open for the rest of the request.
        await SqliteConnectionTuning.KeepOpenForRequestAsync(db, context.HttpContext.RequestAborted);
        var user = await Access(db, userId, context.HttpContext.RequestAborted);
        if (user is null || !user.IsActive)
        {
            context.Fail("This user no longer exists or is disabled.");
            return;
        }

        foreach (var stale in identity.FindAll("role").ToList())
            identity.RemoveClaim(stale);
        identity.AddClaim(new Claim("role", user.Role.ToClaim()));
    }

    sealed record UserAccess(bool IsActive, UserRole Role);

    // Compiled: it runs on every request, and EF would otherwise look its SQL up by the expression tree each time.
    static readonly Func<StudioDbContext, long, CancellationToken, Task<UserAccess?>> Access = EF.CompileAsyncQuery((StudioDbContext db, long userId, CancellationToken ct) =>
        db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new UserAccess(u.IsActive, u.Role)).SingleOrDefault());
}

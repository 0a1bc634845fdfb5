using System.Globalization;
using System.Security.Claims;

namespace StudioApi.Platform.Auth;

public static class CallerIdentity
{
    /// <summary>The signed-in user's id (the token's sub claim), which <see cref="CurrentUserCheck"/> has verified exists.</summary>
    public static long UserId(this ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue("sub"), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new InvalidOperationException("The caller is not a signed-in user.");
}

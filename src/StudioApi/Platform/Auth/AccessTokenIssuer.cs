using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace StudioApi.Platform.Auth;

/// <summary>Signs short-lived access tokens. Claims: sub (user id), name (username), role.</summary>
public sealed class AccessTokenIssuer(IOptions<JwtSettings> settings, SymmetricSecurityKey key, TimeProvider clock)
{
    public (string Token, DateTime ExpiresAt) Issue(User user)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expires = now.AddMinutes(settings.Value.AccessTokenMinutes);
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Value.Issuer,
            Audience = settings.Value.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = expires,
            Subject = new ClaimsIdentity(
            [
                new Claim("sub", user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim("name", user.Username),
                new Claim("role", user.Role.ToClaim()),
            ]),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
        return (token, expires);
    }
}

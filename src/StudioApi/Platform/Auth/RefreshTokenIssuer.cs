using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace StudioApi.Platform.Auth;

/// <summary>Makes refresh tokens: random, handed out once, stored only as their hash.</summary>
public sealed class RefreshTokenIssuer(IOptions<JwtSettings> settings, TimeProvider clock)
{
    public (string Token, RefreshToken Record) Issue(long userId, Guid? familyId = null)
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        return (token, new RefreshToken
        {
            UserId = userId,
            FamilyId = familyId ?? Guid.NewGuid(),
            TokenHash = Hash(token),
            CreatedAt = now,
            ExpiresAt = now.AddDays(settings.Value.RefreshTokenDays),
        });
    }

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

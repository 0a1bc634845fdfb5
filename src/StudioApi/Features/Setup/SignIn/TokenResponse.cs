using System.ComponentModel.DataAnnotations;

namespace StudioApi.Features.Setup.SignIn;

/// <summary>An access token for the Authorization header and the refresh token to get the next one.</summary>
/// <remarks>The limits are for the contract: a JWT of our few claims, and a refresh token of 32 random bytes.</remarks>
public sealed class TokenResponse
{
    [MaxLength(4000)]
    public required string AccessToken { get; init; }
    /// <summary>Always Bearer.</summary>
    [MaxLength(20)]
    public required string TokenType { get; init; }
    /// <summary>Seconds until the access token expires.</summary>
    [Range(1, int.MaxValue)]
    public required int ExpiresIn { get; init; }
    /// <summary>Single use: each refresh returns a new one, and reusing an old one signs the whole chain out.</summary>
    [MaxLength(200)]
    public required string RefreshToken { get; init; }
    public required DateTimeOffset RefreshTokenExpiresAt { get; init; }

    public static TokenResponse Create(
        (string Token, DateTime ExpiresAt) access, (string Token, Platform.Auth.RefreshToken Record) refresh, DateTime now) => new()
    {
        AccessToken = access.Token,
        TokenType = "Bearer",
        ExpiresIn = (int)(access.ExpiresAt - now).TotalSeconds,
        RefreshToken = refresh.Token,
        RefreshTokenExpiresAt = refresh.Record.ExpiresAt,
    };
}

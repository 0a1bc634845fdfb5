namespace StudioApi.Features.SignIn;

/// <summary>An access token for the Authorization header and the refresh token to get the next one.</summary>
public sealed class TokenResponse
{
    public required string AccessToken { get; init; }
    /// <summary>Always Bearer.</summary>
    public required string TokenType { get; init; }
    /// <summary>Seconds until the access token expires.</summary>
    public required int ExpiresIn { get; init; }
    /// <summary>Single use: each refresh returns a new one, and reusing an old one signs the whole chain out.</summary>
    public required string RefreshToken { get; init; }
    public required DateTimeOffset RefreshTokenExpiresAt { get; init; }

    public static TokenResponse Create(
        (string Token, DateTime ExpiresAt) access, (string Token, Auth.RefreshToken Record) refresh, DateTime now) => new()
    {
        AccessToken = access.Token,
        TokenType = "Bearer",
        ExpiresIn = (int)(access.ExpiresAt - now).TotalSeconds,
        RefreshToken = refresh.Token,
        RefreshTokenExpiresAt = refresh.Record.ExpiresAt,
    };
}

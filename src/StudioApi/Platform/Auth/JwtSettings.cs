namespace StudioApi.Platform.Auth;

/// <summary>Settings of the "Auth" configuration section.</summary>
public sealed class JwtSettings
{
    public string Issuer { get; set; } = "studioapi";
    public string Audience { get; set; } = "studioapi";

    /// <summary>
    /// HMAC key (base64, at least 32 bytes). When absent, a key is generated once and kept in the data folder;
    /// several API instances must share one configured key.
    /// </summary>
    public string? SigningKey { get; set; }

    public int AccessTokenMinutes { get; set; } = 15;
    public int RefreshTokenDays { get; set; } = 30;

    /// <summary>Failed logins in a row that lock an account, and for how long.</summary>
    public int MaxFailedLogins { get; set; } = 5;
    public int LockoutMinutes { get; set; } = 15;
}

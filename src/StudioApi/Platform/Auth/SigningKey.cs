using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace StudioApi.Platform.Auth;

/// <summary>The key access tokens are signed with: configured, or generated once and kept in the data folder.</summary>
public static class SigningKey
{
    public static SymmetricSecurityKey Resolve(JwtSettings settings, string dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(settings.SigningKey))
        {
            var configured = Convert.FromBase64String(settings.SigningKey);
            if (configured.Length < 32)
                throw new InvalidOperationException("Auth:SigningKey must be at least 32 bytes, base64-encoded.");
            return new SymmetricSecurityKey(configured);
        }

        var path = Path.Combine(dataDirectory, "jwt-signing.key");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(dataDirectory);
            File.WriteAllText(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)));
        }
        return new SymmetricSecurityKey(Convert.FromBase64String(File.ReadAllText(path).Trim()));
    }
}

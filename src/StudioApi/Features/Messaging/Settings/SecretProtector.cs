using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace StudioApi.Features.Messaging.Settings;

/// <summary>
/// Keeps the messaging secrets (SMTP password, Twilio auth token) encrypted in the database: AES-GCM with a key derived
/// from the app's token signing key, so a copied database alone does not give them away and no extra secret has to be
/// kept. Rotating the signing key makes them unreadable: the sender then fails with a message asking to enter them again.
/// </summary>
public sealed class SecretProtector(SymmetricSecurityKey signingKey)
{
    const int NonceSize = 12, TagSize = 16;
    readonly byte[] key = HMACSHA256.HashData(signingKey.Key, "studioapi messaging secrets v1"u8);

    public string Protect(string secret)
    {
        var plain = Encoding.UTF8.GetBytes(secret);
        var sealedBytes = new byte[NonceSize + TagSize + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize));
        return Convert.ToBase64String(sealedBytes);
    }

    /// <summary>The secret, or null when it was sealed with another key (the signing key changed) or is damaged.</summary>
    public string? Unprotect(string? protectedSecret)
    {
        if (string.IsNullOrEmpty(protectedSecret))
            return null;
        try
        {
            var sealedBytes = Convert.FromBase64String(protectedSecret);
            var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), plain);
            return Encoding.UTF8.GetString(plain);
        }
        catch (Exception e) when (e is CryptographicException or FormatException or ArgumentException or OverflowException)
        {
            return null;
        }
    }
}

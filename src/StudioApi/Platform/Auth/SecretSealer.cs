using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace StudioApi.Platform.Auth;

/// <summary>
/// Keeps secrets an area stores for talking to others (SMTP password, Twilio token, a lab's API secret) encrypted in the
/// database: AES-GCM with a key derived from the app's token signing key and the area's <paramref name="purpose"/>, so
/// a copied database alone does not give them away, no extra secret has to be kept, and one area's sealed secret does
/// not open with another's key. Rotating the signing key makes them unreadable: the caller then asks for them again.
/// </summary>
public abstract class SecretSealer(SymmetricSecurityKey signingKey, string purpose)
{
    const int NonceSize = 12, TagSize = 16;
    readonly byte[] key = HMACSHA256.HashData(signingKey.Key, Encoding.UTF8.GetBytes(purpose));

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

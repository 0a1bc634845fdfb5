using System.Security.Cryptography;
using System.Text;

namespace StudioApi.Features.Schools.PartnerClients;

/// <summary>
/// Client ids and secrets. Both carry a prefix (<c>sapi_pc_</c>, <c>sapi_ps_</c>) so a secret pasted into a ticket or
/// pushed to a repository is recognisable by secret scanners and people alike.
/// </summary>
public static class PartnerSecrets
{
    public const string ClientIdPrefix = "sapi_pc_";
    public const string SecretPrefix = "sapi_ps_";

    public static string NewClientId() => ClientIdPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    /// <summary>A new secret (shown once) and what is kept of it.</summary>
    public static (string Secret, PartnerClientSecret Stored) NewSecret(DateTime now)
    {
        var secret = SecretPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        return (secret, new PartnerClientSecret { Hash = Hash(secret), Hint = secret[^4..], CreatedAt = now });
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Whether <paramref name="secret"/> is one of the client's secrets still in force, compared in constant time.</summary>
    public static bool Matches(PartnerClient client, string secret, DateTime now)
    {
        var presented = Encoding.ASCII.GetBytes(Hash(secret));
        var matched = false;
        foreach (var stored in client.Secrets.Where(s => s.ExpiresAt is null || s.ExpiresAt > now))
            matched |= CryptographicOperations.FixedTimeEquals(presented, Encoding.ASCII.GetBytes(stored.Hash));
        return matched;
    }

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

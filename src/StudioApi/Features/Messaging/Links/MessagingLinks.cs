using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;

namespace StudioApi.Features.Messaging.Links;

/// <summary>
/// The links messages carry that act without signing in: unsubscribe (a client stops e-mails) and the confirmation
/// button (a client confirms a session). HMAC-SHA256 over what the link does, with a key derived from the app's token
/// signing key (as image links are), so a link cannot be made up or turned onto another client or session. A
/// confirmation link names the session's date too: once the session is moved, the old link no longer confirms it.
/// Neither expires: a client may act on a message days later, and the signature is the whole permission.
/// </summary>
public sealed class MessagingLinks(SymmetricSecurityKey signingKey)
{
    public const string UnsubscribePath = "/api/v1/public/unsubscribe";
    public const string ConfirmationPath = "/api/v1/public/session-confirmation";

    readonly byte[] key = HMACSHA256.HashData(signingKey.Key, "studioapi messaging links v1"u8);

    public string Unsubscribe(string baseUrl, long clientId) =>
        $"{baseUrl}{UnsubscribePath}?client={clientId}&sig={Sign($"unsubscribe|{clientId}")}";

    public string Confirmation(string baseUrl, long sessionId, DateOnly date) =>
        $"{baseUrl}{ConfirmationPath}?session={sessionId}&date={Iso(date)}&sig={Sign($"confirm|{sessionId}|{Iso(date)}")}";

    public bool IsUnsubscribe(long clientId, string? signature) => Matches($"unsubscribe|{clientId}", signature);

    public bool IsConfirmation(long sessionId, DateOnly date, string? signature) => Matches($"confirm|{sessionId}|{Iso(date)}", signature);

    bool Matches(string what, string? signature) =>
        signature is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(what)), Encoding.ASCII.GetBytes(signature));

    string Sign(string what) => WebEncoders.Base64UrlEncode(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(what)));

    static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

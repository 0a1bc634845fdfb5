using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace StudioApi.Features.Scheduling.CalendarFeeds;

/// <summary>Feed URL secrets: 32 random bytes, base64url; the database keeps only their SHA-256.</summary>
public static class CalendarFeedTokens
{
    /// <summary>43 characters of base64url for 32 bytes.</summary>
    public const int Length = 43;

    public static string New() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    /// <summary>The absolute URL a calendar app subscribes to.</summary>
    public static string Url(HttpRequest request, string token) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}/api/v1/calendar/feeds/{token}.ics";
}

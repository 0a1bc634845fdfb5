using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;
using StudioApi.Platform.Http.Problems;

namespace StudioApi.Features.Production.LabOrders;

/// <summary>
/// The asset URLs a lab fetches an order's rendered files from, without an account with us: HMAC-SHA256 over
/// run|item|expiry with a key derived from the app's token signing key (as image links are), so a link cannot be made
/// up or turned onto another file. They live for days (<see cref="LabOrderOptions.AssetLinkDays"/>): labs fetch the
/// files when they take the order in, which may be well after it was sent.
/// </summary>
public sealed class LabFileLinks(SymmetricSecurityKey signingKey, TimeProvider clock)
{
    public const string PathPrefix = "/api/v1/lab-files";

    readonly byte[] key = HMACSHA256.HashData(signingKey.Key, "studioapi lab files v1"u8);

    public (string Url, DateTimeOffset ExpiresAt) Create(string baseUrl, long runId, long itemId, string fileName, TimeSpan lifetime)
    {
        var expires = clock.GetUtcNow().Add(lifetime).ToUnixTimeSeconds();
        return ($"{baseUrl}{PathPrefix}/{runId}/{itemId}/{Uri.EscapeDataString(fileName)}?expires={expires}&sig={Sign(runId, itemId, expires)}",
            DateTimeOffset.FromUnixTimeSeconds(expires));
    }

    /// <summary>403 if the link was not made by us (or was altered), 410 once it has expired.</summary>
    public void Check(long runId, long itemId, long expires, string? signature)
    {
        var expected = Encoding.ASCII.GetBytes(Sign(runId, itemId, expires));
        if (signature is null || !CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature)))
            throw new ApiProblem(StatusCodes.Status403Forbidden, "Forbidden", "This lab file link is not valid.");
        if (DateTimeOffset.FromUnixTimeSeconds(expires) <= clock.GetUtcNow())
            throw new ApiProblem(StatusCodes.Status410Gone, "Gone", "This lab file link has expired: send the order again for new links.");
    }

    /// <summary>The run and item a link of ours names (a lab's per-image error quotes the asset URL), or null.</summary>
    public static (long RunId, long ItemId)? Parse(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
            return null;
        var parts = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.IndexOf(parts, "lab-files");
        return at >= 0 && parts.Length > at + 2 && long.TryParse(parts[at + 1], CultureInfo.InvariantCulture, out var run)
               && long.TryParse(parts[at + 2], CultureInfo.InvariantCulture, out var item)
            ? (run, item)
            : null;
    }

    string Sign(long runId, long itemId, long expires) =>
        WebEncoders.Base64UrlEncode(HMACSHA256.HashData(key,
            Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{runId}|{itemId}|{expires}"))));
}

/// <summary>Lab order settings (section Production:LabOrders).</summary>
public sealed class LabOrderOptions
{
    public const string Section = "Production:LabOrders";

    /// <summary>The API's address as labs reach it (https://studio.example); without it, the address the request came in on.</summary>
    public string? PublicBaseUrl { get; set; }
    /// <summary>How long a lab's asset links work (default 14 days).</summary>
    public int AssetLinkDays { get; set; } = 14;
    /// <summary>How old a lab callback's signed timestamp may be, so a replayed old callback is refused (default 300 s).</summary>
    public int CallbackToleranceSeconds { get; set; } = 300;

    public string BaseUrlFor(HttpRequest request) =>
        (PublicBaseUrl ?? $"{request.Scheme}://{request.Host}{request.PathBase}").TrimEnd('/');
}

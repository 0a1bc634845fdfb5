using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using StudioApi.Platform.Http.Problems;

namespace StudioApi.Features.Imaging.Images;

/// <summary>
/// Short-lived image URLs that work without an Authorization header (an &lt;img&gt; tag cannot send one): HMAC-SHA256
/// over id|rendition|expiry, with a key derived from the app's token signing key, so no extra secret is kept and
/// rotating the signing key also voids every link.
/// </summary>
public sealed class ImageLinks(SymmetricSecurityKey signingKey, TimeProvider clock, IOptions<ImageOptions> options)
{
    readonly byte[] key = HMACSHA256.HashData(signingKey.Key, "studioapi image links v1"u8);

    public (string Url, DateTimeOffset ExpiresAt) Create(long imageId, ImageRendition rendition)
    {
        var expiresAt = clock.GetUtcNow().AddSeconds(options.Value.LinkLifetimeSeconds);
        var expires = expiresAt.ToUnixTimeSeconds();
        var url = $"/api/v1/image-files/{imageId}/{Name(rendition)}?expires={expires}&sig={Sign(imageId, rendition, expires)}";
        return (url, DateTimeOffset.FromUnixTimeSeconds(expires));
    }

    /// <summary>Checks a link: 403 if it was not made by us (or was altered), 410 once it has expired. Returns the time it has left.</summary>
    public TimeSpan Check(long imageId, ImageRendition rendition, long expires, string? signature)
    {
        var expected = Encoding.ASCII.GetBytes(Sign(imageId, rendition, expires));
        if (signature is null || !CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature)))
            throw new ApiProblem(StatusCodes.Status403Forbidden, "Forbidden", "This image link is not valid. Ask for a new one.");
        var left = DateTimeOffset.FromUnixTimeSeconds(expires) - clock.GetUtcNow();
        if (left <= TimeSpan.Zero)
            throw new ApiProblem(StatusCodes.Status410Gone, "Gone", "This image link has expired. Ask for a new one.");
        return left;
    }

    string Sign(long imageId, ImageRendition rendition, long expires) =>
        WebEncoders.Base64UrlEncode(HMACSHA256.HashData(key,
            Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{imageId}|{Name(rendition)}|{expires}"))));

    static string Name(ImageRendition rendition) => rendition.ToString().ToLowerInvariant();
}

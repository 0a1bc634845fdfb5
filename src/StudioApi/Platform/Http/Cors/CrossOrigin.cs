using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.RateLimiting;

namespace StudioApi.Platform.Http.Cors;

/// <summary>The "Cors" configuration section: which browser front ends (origins) may call the API from script.</summary>
public sealed class CrossOriginOptions
{
    /// <summary>
    /// Origins (scheme, host and port, no path: <c>https://studio.example</c>) whose pages may call the API. None by
    /// default, so a new deployment opens nothing by accident; the local demo start allows the sample kiosk app
    /// (<see cref="KioskSampleOrigins"/>).
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>Where the kiosk sample's dev server runs (samples/kiosk-web, Vite's port).</summary>
    public static readonly string[] KioskSampleOrigins = ["http://localhost:5173", "http://127.0.0.1:5173"];

    /// <summary>How long a browser may keep a preflight answer before asking again (browsers cap it: Chromium at 2 hours).</summary>
    public int PreflightMaxAgeSeconds { get; set; } = 3600;
}

/// <summary>
/// Cross-origin (CORS) access for browser front ends. Everything follows the deployment's list of origins
/// (<c>Cors:AllowedOrigins</c>); an origin not on it gets no CORS headers, so the browser withholds the answer from its
/// script. Credentials stay off: callers send bearer tokens, never cookies, so no page can ride on a signed-in user.
/// The public calls that need no token (online booking, signed image links) are open to any origin:
/// <see cref="OpenToAnyOrigin{TBuilder}"/> says why.
/// </summary>
public static class CrossOrigin
{
    public const string PublicPolicy = "any-origin";

    /// <summary>The request headers a front end sends beyond the CORS-safelisted ones.</summary>
    static readonly string[] RequestHeaders =
    [
        "Authorization", "Content-Type", Versioning.IfMatchHeader, IdempotencyEndpointExtensions.Header,
        "If-None-Match", "If-Modified-Since", "If-Range", "Range",
    ];

    /// <summary>
    /// The answer headers a front end's script needs and the browser would otherwise hide: versions for If-Match, where
    /// a created record lives, replays, when to retry, paging of contact sheets, the rate-limit budget, and file names
    /// and ranges of downloads.
    /// </summary>
    public static readonly string[] ExposedHeaders =
    [
        KnownHeaders.ETag, KnownHeaders.Location, IdempotencyEndpointExtensions.ReplayedHeader, KnownHeaders.RetryAfter,
        "X-Total-Pages", "Link", RateLimitHeaders.Policy, RateLimitHeaders.State, "Content-Disposition", "Content-Range",
    ];

    public static IServiceCollection AddStudioCors(this IServiceCollection services, CrossOriginOptions options)
    {
        var origins = options.AllowedOrigins.Select(CheckedOrigin).ToArray();
        var maxAge = TimeSpan.FromSeconds(Math.Clamp(options.PreflightMaxAgeSeconds, 0, 86_400));
        return services.AddCors(cors =>
        {
            cors.AddDefaultPolicy(policy => policy
                .WithOrigins(origins)
                .WithMethods("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")
                .WithHeaders(RequestHeaders)
                .WithExposedHeaders(ExposedHeaders)
                .SetPreflightMaxAge(maxAge));
            cors.AddPolicy(PublicPolicy, policy => policy
                .AllowAnyOrigin()
                .WithMethods("GET", "HEAD", "POST")
                .WithHeaders(RequestHeaders)
                .WithExposedHeaders(ExposedHeaders)
                .SetPreflightMaxAge(maxAge));
        });
    }

    /// <summary>
    /// Opens a public endpoint to pages of any origin (<c>Access-Control-Allow-Origin: *</c>, never with credentials).
    /// Safe where the request itself carries its permission (a booking key, a link's signature) and no token or cookie
    /// is involved: a page anywhere learns nothing it could not fetch with curl. Needed because a booking widget sits on
    /// a studio's web site, whose origin the API's operator may not list, and a front end may fetch a signed image to
    /// draw it on a canvas (crop tools), which the browser allows only with CORS.
    /// </summary>
    public static TBuilder OpenToAnyOrigin<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireCors(PublicPolicy);

    /// <summary>
    /// An origin as the browser sends it: a mistyped one ("https://studio.example/" with its slash) would never match
    /// and fail silently in every browser, so the app refuses to start with it instead.
    /// </summary>
    static string CheckedOrigin(string origin)
    {
        origin = origin.Trim();
        if (origin == "*")
            throw new InvalidOperationException(
                "Cors:AllowedOrigins lists \"*\": list the origins of your front ends instead (e.g. https://studio.example).");
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || !string.Equals(uri.GetLeftPart(UriPartial.Authority), origin, StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException(
                $"Cors:AllowedOrigins has '{origin}', which is not an origin: give scheme, host and port only, without a path or a trailing slash (e.g. https://studio.example or http://localhost:5173).");
        return origin;
    }
}

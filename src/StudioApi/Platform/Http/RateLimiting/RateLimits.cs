using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace StudioApi.Platform.Http.RateLimiting;

/// <summary>The "RateLimits" configuration section.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Requests a minute for one caller (a signed-in user, or an address when anonymous).</summary>
    public int RequestsPerMinute { get; set; } = 600;

    /// <summary>Sign-in and refresh attempts a minute from one address: slows password guessing before the lockout bites.</summary>
    public int SignInPerMinute { get; set; } = 20;

    /// <summary>Online bookings a minute from one address: the public booking call must not be a way to flood the calendar.</summary>
    public int OnlineBookingPerMinute { get; set; } = 5;
}

/// <summary>
/// Throttling: every caller gets a budget per minute, and signing in a tighter one per address. A throttled
/// request gets 429 with Retry-After and a problem body, and nothing it asked for is done.
/// </summary>
public static class RateLimits
{
    public const string SignInPolicy = "sign-in";
    public const string OnlineBookingPolicy = "online-booking";

    public static IServiceCollection AddStudioRateLimits(this IServiceCollection services, RateLimitOptions options) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetFixedWindowLimiter(CallerKey(context), _ => Window(options.RequestsPerMinute)));
            limiter.AddPolicy(SignInPolicy, context =>
                RateLimitPartition.GetFixedWindowLimiter(AddressKey(context), _ => Window(options.SignInPerMinute)));
            limiter.AddPolicy(OnlineBookingPolicy, context =>
                RateLimitPartition.GetFixedWindowLimiter(AddressKey(context), _ => Window(options.OnlineBookingPerMinute)));
            limiter.OnRejected = RejectAsync;
        });

    /// <summary>Puts an endpoint under the sign-in budget (on top of the caller's overall one).</summary>
    public static TBuilder LimitedAsSignIn<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireRateLimiting(SignInPolicy);

    /// <summary>Puts an endpoint under the online-booking budget per address (on top of the caller's overall one).</summary>
    public static TBuilder LimitedAsOnlineBooking<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireRateLimiting(OnlineBookingPolicy);

    static FixedWindowRateLimiterOptions Window(int permitsPerMinute) => new()
    {
        PermitLimit = Math.Max(1, permitsPerMinute),
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
    };

    static string CallerKey(HttpContext context) =>
        context.User.FindFirst("sub")?.Value is { } user ? $"user:{user}" : AddressKey(context);

    static string AddressKey(HttpContext context) => $"address:{context.Connection.RemoteIpAddress}";

    static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var http = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"This caller has used its request budget for now. Retry after {seconds} seconds.",
            },
        });
    }
}

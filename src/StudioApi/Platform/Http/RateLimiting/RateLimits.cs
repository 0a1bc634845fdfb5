using System.Globalization;
using Microsoft.AspNetCore.Mvc;

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

/// <summary>One budget: its name in the rate-limit headers, requests per window, and whose budget a request draws on.</summary>
public sealed record RateLimitPolicy(string Name, int Quota, TimeSpan Window, Func<HttpContext, string> PartitionKey);

/// <summary>Endpoint metadata: the request also draws on this named budget, on top of the caller's overall one.</summary>
public sealed record RateLimitedAs(string PolicyName);

/// <summary>
/// Throttling: every caller gets a budget per minute, and signing in and online booking a tighter one per address. Every
/// answer says where the caller stands (<see cref="RateLimitHeaders"/>), so a client can slow down before it is refused.
/// A throttled request gets 429 with Retry-After and a problem body, and nothing it asked for is done.
/// </summary>
public static class RateLimits
{
    /// <summary>The overall budget of each caller.</summary>
    public const string CallerPolicy = "caller";
    public const string SignInPolicy = "sign-in";
    public const string OnlineBookingPolicy = "online-booking";

    public static IServiceCollection AddStudioRateLimits(this IServiceCollection services, RateLimitOptions options)
    {
        var minute = TimeSpan.FromMinutes(1);
        RateLimitPolicy[] policies =
        [
            new(CallerPolicy, Math.Max(1, options.RequestsPerMinute), minute, CallerKey),
            new(SignInPolicy, Math.Max(1, options.SignInPerMinute), minute, AddressKey),
            new(OnlineBookingPolicy, Math.Max(1, options.OnlineBookingPerMinute), minute, AddressKey),
        ];
        services.AddSingleton(sp => new RequestBudgets(policies, sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>After authentication (budgets are per user), before authorization (floods of refused calls count too).</summary>
    public static IApplicationBuilder UseStudioRateLimits(this IApplicationBuilder app) => app.Use(LimitAsync);

    /// <summary>Puts an endpoint under the sign-in budget (on top of the caller's overall one).</summary>
    public static TBuilder LimitedAsSignIn<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RateLimitedAs(SignInPolicy));

    /// <summary>Puts an endpoint under the online-booking budget per address (on top of the caller's overall one).</summary>
    public static TBuilder LimitedAsOnlineBooking<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RateLimitedAs(OnlineBookingPolicy));

    static string CallerKey(HttpContext context) =>
        context.User.FindFirst("sub")?.Value is { } user ? $"user:{user}" : AddressKey(context);

    static string AddressKey(HttpContext context) => $"address:{context.Connection.RemoteIpAddress}";

    static async Task LimitAsync(HttpContext context, RequestDelegate next)
    {
        var budgets = context.RequestServices.GetRequiredService<RequestBudgets>();
        var extra = context.GetEndpoint()?.Metadata.GetMetadata<RateLimitedAs>()?.PolicyName;
        var taken = budgets.Take(context, extra);
        // Written as the answer starts, so they survive the exception handler clearing headers for a 500.
        context.Response.OnStarting(() =>
        {
            RateLimitHeaders.Write(context.Response.Headers, taken);
            return Task.CompletedTask;
        });

        if (taken.FirstOrDefault(t => !t.Allowed) is { Policy: not null } refused)
        {
            await RejectAsync(context, refused.ResetIn);
            return;
        }
        await next(context);
    }

    static async Task RejectAsync(HttpContext http, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
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

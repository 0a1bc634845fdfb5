namespace StudioApi.Platform.Http.RateLimiting;

/// <summary>
/// The rate-limit fields of the IETF HTTPAPI draft (draft-ietf-httpapi-ratelimit-headers), as Structured Field lists
/// with one item per budget the request drew on:
/// <c>RateLimit-Policy: "caller";q=600;w=60</c> (quota and window in seconds) and
/// <c>RateLimit: "caller";r=598;t=42</c> (requests left and seconds until the window starts over).
/// </summary>
public static class RateLimitHeaders
{
    public const string Policy = "RateLimit-Policy";
    public const string State = "RateLimit";

    public static void Write(IHeaderDictionary headers, IReadOnlyList<BudgetUse> uses)
    {
        headers[Policy] = string.Join(", ", uses.Select(u =>
            FormattableString.Invariant($"\"{u.Policy.Name}\";q={u.Policy.Quota};w={(long)u.Policy.Window.TotalSeconds}")));
        headers[State] = string.Join(", ", uses.Select(u =>
            FormattableString.Invariant($"\"{u.Policy.Name}\";r={Math.Max(0, u.Remaining)};t={Seconds(u.ResetIn)}")));
    }

    /// <summary>Whole seconds, rounded up: a client that waits that long finds the window renewed.</summary>
    static long Seconds(TimeSpan span) => Math.Max(0, (long)Math.Ceiling(span.TotalSeconds));
}

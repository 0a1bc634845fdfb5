using System.Security.Claims;

namespace StudioApi.Platform.Persistence;

/// <summary>Who is making the current change: the signed-in user or API client, or "system" for start-up and background work.</summary>
public sealed class RecordAuthor(IHttpContextAccessor httpContextAccessor)
{
    public const string System = "system";

    public string Name =>
        httpContextAccessor.HttpContext?.User.FindFirstValue("name") is { Length: > 0 } name ? name : System;
}

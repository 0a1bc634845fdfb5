namespace StudioApi.Features.Schools.PartnerClients;

/// <summary>What a partner client may be granted. Each partner operation names the one it needs.</summary>
public static class PartnerScopes
{
    public const string RosterRead = "roster:read";
    public const string RosterWrite = "roster:write";
    public const string SessionsRead = "sessions:read";
    public const string ImagesRead = "images:read";
    public const string YearbookRead = "yearbook:read";
    public const string YearbookWrite = "yearbook:write";

    public static readonly string[] All = [RosterRead, RosterWrite, SessionsRead, ImagesRead, YearbookRead, YearbookWrite];

    public static IReadOnlyList<string> Parse(string? scopes) =>
        (scopes ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Known scopes, each once, in the order of <see cref="All"/>.</summary>
    public static string Normalize(IEnumerable<string> scopes)
    {
        var granted = scopes.ToHashSet(StringComparer.Ordinal);
        return string.Join(' ', All.Where(granted.Contains));
    }
}

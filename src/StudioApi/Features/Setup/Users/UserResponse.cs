using StudioApi.Platform.Auth;
using StudioApi.Platform.Http;


namespace StudioApi.Features.Setup.Users;

/// <summary>A user as administrators see it. The password (hash) never leaves the server.</summary>
public sealed class UserResponse : RecordResponse
{
    public required string Username { get; init; }
    public required string DisplayName { get; init; }
    public string? Email { get; init; }
    public required UserRole Role { get; init; }
    public required bool IsActive { get; init; }
    /// <summary>Set while too many failed sign-ins keep the account locked; POST …/unlock clears it.</summary>
    public DateTimeOffset? LockedUntil { get; init; }
    public DateTimeOffset? LastLoginAt { get; init; }

    public static UserResponse From(User u) => new UserResponse
    {
        Username = u.Username,
        DisplayName = u.DisplayName,
        Email = u.Email,
        Role = u.Role,
        IsActive = u.IsActive,
        LockedUntil = u.LockedUntil,
        LastLoginAt = u.LastLoginAt,
    }.WithAudit(u);
}

namespace StudioApi.Tests.Features.Setup.Users;

public sealed record UserBody(
    long Id, int Version, string Username, string DisplayName, string? Email, string Role, bool IsActive,
    DateTimeOffset? LockedUntil, DateTimeOffset? LastLoginAt, DateTimeOffset? DeletedAt);

public sealed record UserPage(List<UserBody> Items, string? NextCursor);

public static class UserRequests
{
    public const string Password = "a-long-enough-password";

    public static object New(string username, string role = "staff", string password = Password) => new
    {
        username,
        displayName = $"Display {username}",
        email = $"{username}@studio.example",
        role,
        password,
    };

    public static object Change(UserBody user, string? role = null, bool? isActive = null, string? displayName = null) => new
    {
        displayName = displayName ?? user.DisplayName,
        email = user.Email,
        role = role ?? user.Role,
        isActive = isActive ?? user.IsActive,
    };
}

using StudioApi.Platform.Persistence;


namespace StudioApi.Platform.Auth;

public enum UserRole
{
    Admin,
    Staff,
    Photographer,
    Sales,
}

public static class UserRoleClaims
{
    /// <summary>The role as it appears in tokens and in <see cref="Platform.Auth.Roles"/>.</summary>
    public static string ToClaim(this UserRole role) => role.ToString().ToLowerInvariant();
}

/// <summary>A person who signs in: front desk, photographers, sales staff, administrators.</summary>
public sealed class User : AuditedRecord
{
    /// <summary>Sign-in name, kept lower-case so it is unique regardless of case.</summary>
    public string Username { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string? Email { get; set; }
    public UserRole Role { get; set; }

    /// <summary>A disabled user cannot sign in, and tokens already issued stop working at once.</summary>
    public bool IsActive { get; set; } = true;

    public string PasswordHash { get; set; } = "";
    public int FailedLoginCount { get; set; }
    public DateTime? LockedUntil { get; set; }
    public DateTime? LastLoginAt { get; set; }
}

using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Auth;
using StudioApi.Platform.Persistence;

namespace StudioApi.Seeding;

/// <summary>
/// A new database gets one administrator: Admin:Username (default admin) with Admin:Password, or a generated
/// password that the first start prints once (it is stored only as a hash). Later starts leave users alone.
/// </summary>
public static class AdminAccount
{
    /// <summary>Creates the administrator if the database has no user yet; null when there was one already.</summary>
    public static async Task<CreatedAdministrator?> EnsureAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<StudioDbContext>();
        if (await db.Users.IgnoreQueryFilters().AnyAsync(ct))
            return null;

        var configuration = services.GetRequiredService<IConfiguration>();
        var username = (configuration["Admin:Username"] ?? "admin").Trim().ToLowerInvariant();
        var configured = configuration["Admin:Password"];
        var password = string.IsNullOrEmpty(configured) ? GeneratePassword() : configured;

        var admin = new User { Username = username, DisplayName = "Administrator", Role = UserRole.Admin };
        admin.PasswordHash = services.GetRequiredService<IPasswordHasher<User>>().HashPassword(admin, password);
        db.Users.Add(admin);
        await db.SaveChangesAsync(ct);
        return new CreatedAdministrator(username, string.IsNullOrEmpty(configured) ? password : null);
    }

    static string GeneratePassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', 'x').Replace('/', 'y');
}

/// <summary>The administrator a first start created, and the password it generated (null when it came from Admin:Password).</summary>
public sealed record CreatedAdministrator(string Username, string? GeneratedPassword)
{
    /// <summary>The line the first start ends with: the only time a generated password is shown.</summary>
    public string SignInLine => GeneratedPassword is null
        ? $"Created the administrator account '{Username}' with the password from configuration (Admin:Password)."
        : $"Created the administrator account. Sign in with username '{Username}' and password '{GeneratedPassword}' (shown only this once).";
}

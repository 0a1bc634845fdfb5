using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Auth;
using StudioApi.Platform.Persistence;

namespace StudioApi.Seeding;

/// <summary>
/// A new database gets one administrator: Admin:Username (default admin) with Admin:Password, or a generated
/// password printed once at this first start. Later starts leave users alone.
/// </summary>
public static class AdminAccount
{
    public static async Task EnsureAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<StudioDbContext>();
        if (await db.Users.IgnoreQueryFilters().AnyAsync(ct))
            return;

        var configuration = services.GetRequiredService<IConfiguration>();
        var username = (configuration["Admin:Username"] ?? "admin").Trim().ToLowerInvariant();
        var configured = configuration["Admin:Password"];
        var password = string.IsNullOrEmpty(configured) ? GeneratePassword() : configured;

        var admin = new User { Username = username, DisplayName = "Administrator", Role = UserRole.Admin };
        admin.PasswordHash = services.GetRequiredService<IPasswordHasher<User>>().HashPassword(admin, password);
        db.Users.Add(admin);
        await db.SaveChangesAsync(ct);

        Console.WriteLine(string.IsNullOrEmpty(configured)
            ? $"Created the administrator account. Sign in with username '{username}' and password '{password}' (shown only this once)."
            : $"Created the administrator account '{username}' with the password from configuration (Admin:Password).");
    }

    static string GeneratePassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', 'x').Replace('/', 'y');
}

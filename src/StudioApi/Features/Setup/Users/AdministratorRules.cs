using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Auth;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.Users;

/// <summary>The studio must never be left without someone who can manage users and settings.</summary>
public static class AdministratorRules
{
    public static void RefuseOnSelf(long targetUserId, long callerId, string what)
    {
        if (targetUserId == callerId)
            throw ApiProblem.RuleBroken($"You cannot {what} your own account; ask another administrator.");
    }

    /// <summary>
    /// Checked after the change is written, inside its transaction: two administrators disabling each other at the
    /// same moment would each see the other still active in a check made before writing.
    /// </summary>
    public static async Task EnsureAnActiveAdministratorRemainsAsync(StudioDbContext db, CancellationToken ct)
    {
        if (!await db.Users.AnyAsync(u => u.Role == UserRole.Admin && u.IsActive, ct))
            throw ApiProblem.RuleBroken("This is the last active administrator: make another user an active administrator first.");
    }
}

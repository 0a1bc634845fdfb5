using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Persistence;

namespace StudioApi.Platform.Auth;

/// <summary>Signs sessions out by revoking refresh tokens. Access tokens already issued run out on their own (minutes).</summary>
public static class RefreshTokenRevocation
{
    /// <summary>Revokes every token of one sign-in chain: sign-out, or a replayed token.</summary>
    public static Task<int> RevokeFamilyAsync(this StudioDbContext db, Guid familyId, CancellationToken ct)
    {
        var now = db.UtcNow;
        return db.RefreshTokens.Where(t => t.FamilyId == familyId && t.RevokedAt == null)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.RevokedAt, now), ct);
    }

    /// <summary>Revokes every token of a user: sign-out everywhere, a new password, a disabled or deleted account.</summary>
    public static Task<int> RevokeRefreshTokensOfUserAsync(this StudioDbContext db, long userId, CancellationToken ct)
    {
        var now = db.UtcNow;
        return db.RefreshTokens.Where(t => t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.RevokedAt, now), ct);
    }
}

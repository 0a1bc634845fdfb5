using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Persistence;
using StudioApi.Features.Setup;

namespace StudioApi.Features.Scheduling.Sessions;

/// <summary>Where sessions meet their session type: the type must be live and active, and it gives a session its default length.</summary>
public static class SessionTypeDefaults
{
    /// <summary>The default length of a session of this type, or null when no type is given.</summary>
    public static async Task<int?> DefaultLengthMinutesAsync(StudioDbContext db, long? sessionTypeId, CancellationToken ct) =>
        sessionTypeId is { } id
            ? await db.SessionTypes.Where(t => t.Id == id).Select(t => (int?)t.DefaultLengthMinutes).SingleOrDefaultAsync(ct)
            : null;

    /// <summary>A field error when the type is unknown, deleted or inactive (a type the session already has stays acceptable).</summary>
    public static async Task<string?> CheckAsync(StudioDbContext db, long? wanted, long? held, CancellationToken ct) =>
        wanted is { } id && id != held && !await db.SessionTypes.AnyAsync(t => t.Id == id && t.IsActive, ct)
            ? $"There is no active session type {id}."
            : null;
}

using StudioApi.Persistence;

namespace StudioApi.Features.Sessions;

/// <summary>
/// Where sessions meet their session type. Session types arrive with the type lists; until then a session keeps
/// the type id it is given, unchecked, and the length of a session comes from its end time.
/// When they land: refuse an unknown or inactive type here (a field error on sessionTypeId) and return the
/// type's defaultLengthMinutes, so an omitted end time becomes start + length.
/// </summary>
public static class SessionTypeDefaults
{
    /// <summary>The default length of a session of this type, or null when it is not known.</summary>
    public static Task<int?> DefaultLengthMinutesAsync(StudioDbContext db, long? sessionTypeId, CancellationToken ct) =>
        Task.FromResult<int?>(null);
}

using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Setup;
using StudioApi.Features.Setup.Locations;
using StudioApi.Features.Setup.Promotions;
using StudioApi.Features.Setup.Resources;
using StudioApi.Features.Setup.SessionTypes;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Scheduling;

/// <summary>Live sessions of a session type.</summary>
public sealed class SessionTypeUses(StudioDbContext db) : ISetupRecordUses<SessionType>
{
    public Task<int> CountAsync(long id, CancellationToken ct) => db.Sessions.CountAsync(s => s.SessionTypeId == id, ct);
}

/// <summary>Live sessions that belong to a promotion.</summary>
public sealed class PromotionUses(StudioDbContext db) : ISetupRecordUses<Promotion>
{
    public Task<int> CountAsync(long id, CancellationToken ct) =>
        db.Sessions.CountAsync(s => s.Promotions.Any(p => p.PromotionId == id), ct);
}

/// <summary>Live sessions in a camera room or other resource (one in the recycle bin does not keep it alive).</summary>
public sealed class ResourceUses(StudioDbContext db) : ISetupRecordUses<Resource>
{
    public Task<int> CountAsync(long id, CancellationToken ct) => db.Sessions.CountAsync(s => s.ResourceId == id, ct);
}

/// <summary>Live sessions at an outside location.</summary>
public sealed class LocationUses(StudioDbContext db) : ISetupRecordUses<Location>
{
    public Task<int> CountAsync(long id, CancellationToken ct) => db.Sessions.CountAsync(s => s.LocationId == id, ct);
}

using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Setup;
using StudioApi.Features.Setup.Relationships;
using StudioApi.Features.Setup.TaskTypes;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Clients;

/// <summary>Live clients whose family members are related by a relationship (one in the recycle bin does not keep it alive).</summary>
public sealed class RelationshipUses(StudioDbContext db) : ISetupRecordUses<Relationship>
{
    public Task<int> CountAsync(long id, CancellationToken ct) =>
        db.Clients.CountAsync(c => c.FamilyMembers.Any(f => f.RelationshipId == id), ct);
}

/// <summary>Live tasks of a task type.</summary>
public sealed class TaskTypeUses(StudioDbContext db) : ISetupRecordUses<TaskType>
{
    public Task<int> CountAsync(long id, CancellationToken ct) => db.Tasks.CountAsync(t => t.TaskTypeId == id, ct);
}

using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Persistence;

namespace StudioApi.Platform.Workflow;

/// <summary>
/// The live statuses of one record kind, as lists in workflow order: the general list and, when the kind keeps statuses
/// by type, one list per type. A record whose type has no list of its own (or a kind kept in one list) uses the general list.
/// </summary>
public sealed class KindWorkflows
{
    readonly Dictionary<long, StatusDefinition> byId;
    readonly List<StatusDefinition> general;
    readonly Dictionary<long, List<StatusDefinition>> byType;
    readonly Dictionary<long, StatusDefinition?> next = [];

    KindWorkflows(RecordKind kind, bool statusesByType, IEnumerable<StatusDefinition> statuses)
    {
        Kind = kind;
        StatusesByType = statusesByType;
        var ordered = statuses.OrderBy(s => s.Order).ThenBy(s => s.Id).ToList();
        byId = ordered.ToDictionary(s => s.Id);
        general = ordered.Where(s => s.TypeId is null).ToList();
        byType = ordered.Where(s => s.TypeId is not null).GroupBy(s => s.TypeId!.Value).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var list in byType.Values.Append(general))
            for (var i = 0; i < list.Count; i++)
                next[list[i].Id] = list.Skip(i + 1).FirstOrDefault(s => !s.IsInactive);
    }

    public RecordKind Kind { get; }
    public bool StatusesByType { get; }

    public static async Task<KindWorkflows> LoadAsync(StudioDbContext db, RecordKind kind, CancellationToken ct)
    {
        var byType = await db.WorkflowKindSettings.AsNoTracking().Where(s => s.Kind == kind).Select(s => s.StatusesByType).FirstOrDefaultAsync(ct);
        var statuses = await db.StatusDefinitions.AsNoTracking().Where(s => s.Kind == kind).ToListAsync(ct);
        return new KindWorkflows(kind, byType, statuses);
    }

    public StatusDefinition? Find(long statusId) => byId.GetValueOrDefault(statusId);

    /// <summary>The list of a record whose workflow type is <paramref name="typeId"/>.</summary>
    public IReadOnlyList<StatusDefinition> For(long? typeId) =>
        StatusesByType && typeId is { } type && byType.TryGetValue(type, out var list) ? list : general;

    public WorkflowKey KeyFor(long? typeId) =>
        new(Kind, StatusesByType && typeId is { } type && byType.ContainsKey(type) ? type : null);

    /// <summary>Where a record enters the workflow: its initial status (the first active one should none be marked).</summary>
    public static StatusDefinition? Initial(IReadOnlyList<StatusDefinition> list) =>
        list.FirstOrDefault(s => s.IsInitial) ?? list.FirstOrDefault(s => !s.IsInactive);

    /// <summary>The next active status after <paramref name="current"/> in its list, or null at the end.</summary>
    public StatusDefinition? Next(StatusDefinition current) => next.GetValueOrDefault(current.Id);
}

using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Persistence;

namespace StudioApi.Platform.Workflow.ListKinds;

/// <summary>How one record kind keeps its statuses.</summary>
public sealed class WorkflowKindResponse
{
    public required RecordKind Kind { get; init; }
    /// <summary>Whether this kind can keep a list of statuses per type (sessions, production orders, tasks).</summary>
    public required bool SupportsStatusesByType { get; init; }
    /// <summary>Each type has its own list of statuses.</summary>
    public required bool StatusesByType { get; init; }
    /// <summary>Whether this kind's statuses can be associated with a workflow hub stage.</summary>
    public required bool SupportsStages { get; init; }
}

public sealed class WorkflowKindListResponse
{
    [System.ComponentModel.DataAnnotations.MaxLength(20)]
    public required IReadOnlyList<WorkflowKindResponse> Items { get; init; }
}

public sealed class ListKindsEndpoint(StudioDbContext db) : EndpointWithoutRequest<WorkflowKindListResponse>
{
    public override void Configure()
    {
        Get("/workflow/kinds");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Workflow", "ListKinds", "List the record kinds that have statuses",
            "And whether each keeps its statuses by type."));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var byType = await db.WorkflowKindSettings.AsNoTracking().Where(s => s.StatusesByType).Select(s => s.Kind).ToListAsync(ct);
        await Send.OkAsync(new WorkflowKindListResponse
        {
            Items = Enum.GetValues<RecordKind>().Select(kind => new WorkflowKindResponse
            {
                Kind = kind,
                SupportsStatusesByType = kind.SupportsStatusesByType(),
                StatusesByType = byType.Contains(kind),
                SupportsStages = kind.SupportsStages(),
            }).ToList(),
        }, ct);
    }
}

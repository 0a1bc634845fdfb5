using System.ComponentModel.DataAnnotations;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Persistence;

namespace StudioApi.Platform.Workflow.ListStages;

public sealed class StageKindCount
{
    public required RecordKind Kind { get; init; }
    public required int Count { get; init; }
}

public sealed class WorkflowStageResponse
{
    public required WorkflowStage Stage { get; init; }
    /// <summary>Records of every kind at a status associated with this stage.</summary>
    public required int Total { get; init; }
    /// <summary>The count per kind that has stages (sessions, invoices, production orders).</summary>
    [MaxLength(10)]
    public required IReadOnlyList<StageKindCount> Counts { get; init; }
}

public sealed class WorkflowStageListResponse
{
    [MaxLength(20)]
    public required IReadOnlyList<WorkflowStageResponse> Items { get; init; }
}

public sealed class ListStagesEndpoint(StudioDbContext db, WorkflowRecords records) : EndpointWithoutRequest<WorkflowStageListResponse>
{
    public override void Configure()
    {
        Get("/workflow/stages");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Workflow", "ListStages",
            "List the workflow hub's stages",
            "Every stage with how many sessions, invoices and production orders are at a status associated with it."));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var counts = new Dictionary<(WorkflowStage, RecordKind), int>();
        var stagedKinds = Enum.GetValues<RecordKind>().Where(k => k.SupportsStages()).ToList();
        foreach (var kind in stagedKinds)
        {
            // Built over the registry: a kind counts once its records are registered, 0 until then.
            if (records.Find(kind) is not { } source)
                continue;
            var stageOf = await db.StatusDefinitions.AsNoTracking().Where(s => s.Kind == kind && s.Stage != null)
                .ToDictionaryAsync(s => s.Id, s => s.Stage!.Value, ct);
            if (stageOf.Count == 0)
                continue;
            var staged = stageOf.Keys.ToList();
            // Counted on each kind's (StatusId) index over live records: the index entries, not the rows, are read.
            var perStatus = await source.RowsVisibleTo(db, User).Where(r => r.StatusId != null && EF.Parameter(staged).Contains(r.StatusId.Value))
                .GroupBy(r => r.StatusId!.Value).Select(g => new { StatusId = g.Key, Count = g.Count() }).ToListAsync(ct);
            foreach (var row in perStatus)
                counts[(stageOf[row.StatusId], kind)] = counts.GetValueOrDefault((stageOf[row.StatusId], kind)) + row.Count;
        }

        await Send.OkAsync(new WorkflowStageListResponse
        {
            Items = Enum.GetValues<WorkflowStage>().Select(stage =>
            {
                var perKind = stagedKinds.Select(kind => new StageKindCount { Kind = kind, Count = counts.GetValueOrDefault((stage, kind)) }).ToList();
                return new WorkflowStageResponse { Stage = stage, Total = perKind.Sum(c => c.Count), Counts = perKind };
            }).ToList(),
        }, ct);
    }
}

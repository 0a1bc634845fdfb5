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
        // Built over the registry: a kind counts once its records are registered, 0 until then.
        var sources = stagedKinds.Select(records.Find).OfType<WorkflowRecordSource>().ToList();
        var kinds = sources.Select(s => s.Kind).ToList();
        var stageStatuses = await db.StatusDefinitions.AsNoTracking().Where(s => s.Stage != null && kinds.Contains(s.Kind))
            .Select(s => new { s.Id, s.Kind, Stage = s.Stage!.Value }).ToListAsync(ct);
        var statusOf = stageStatuses.ToDictionary(s => s.Id);

        // A caller who sees every record of a kind reads the counts kept per status (StatusRecordCount); one who sees part
        // (a sales user's invoices) has its records counted on the kind's (StatusId) index.
        var keptFor = sources.Where(s => s.SeesAll(db, User)).Select(s => s.Kind).ToHashSet();
        var kept = stageStatuses.Where(s => keptFor.Contains(s.Kind)).Select(s => s.Id).ToArray();
        var perStatus = kept.Length == 0 ? [] : await db.StatusRecordCounts.AsNoTracking().Where(c => EF.Parameter(kept).Contains(c.StatusId))
            .Select(c => new { c.StatusId, c.Count }).ToListAsync(ct);
        foreach (var source in sources.Where(s => !keptFor.Contains(s.Kind)))
        {
            var staged = stageStatuses.Where(s => s.Kind == source.Kind).Select(s => s.Id).ToList();
            if (staged.Count == 0)
                continue;
            perStatus.AddRange(await source.RowsVisibleTo(db, User).Where(r => r.StatusId != null && EF.Parameter(staged).Contains(r.StatusId.Value))
                .GroupBy(r => r.StatusId!.Value).Select(g => new { StatusId = g.Key, Count = (long)g.Count() }).ToListAsync(ct));
        }
        foreach (var row in perStatus)
        {
            var status = statusOf[row.StatusId];
            counts[(status.Stage, status.Kind)] = counts.GetValueOrDefault((status.Stage, status.Kind)) + (int)row.Count;
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

using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Http.Validation;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Http;

namespace StudioApi.Platform.Workflow.SetStatusesByType;

/// <summary>How to fold the type lists into the general list when turning statuses by type off.</summary>
public enum StatusesByTypeMerge
{
    /// <summary>Keep the general list: records move to the general status of the same description, or the initial status.</summary>
    KeepGeneral,
}

public sealed class SetStatusesByTypeRequest
{
    [RouteParam]
    public RecordKind Kind { get; set; }

    /// <summary>true turns statuses by type on, false off.</summary>
    public bool Enabled { get; set; }

    /// <summary>Turning on: the types that get a copy of the general list (types that already have a list keep it).</summary>
    public List<long>? TypeIds { get; set; }

    /// <summary>Turning off while type lists differ from the general list: how to merge them (otherwise 409 with the differences).</summary>
    public StatusesByTypeMerge? Merge { get; set; }
}

public sealed class SetStatusesByTypeValidator : Validator<SetStatusesByTypeRequest>
{
    public SetStatusesByTypeValidator()
    {
        RuleFor(r => r.Kind).IsInEnum();
        RuleFor(r => r.TypeIds).MaxItems(1000);
        RuleForEach(r => r.TypeIds).GreaterThan(0);
        RuleFor(r => r.Merge).IsInEnum();
    }
}

/// <summary>One way a type's list differs from the general list (what turning statuses by type off would lose).</summary>
public sealed class StatusListDifference
{
    public required long TypeId { get; init; }
    public required string Description { get; init; }
    /// <summary>onlyInType, onlyInGeneral, or settingsDiffer (with the fields).</summary>
    public required string Difference { get; init; }
    public IReadOnlyList<string>? Fields { get; init; }
}

public sealed class StatusesByTypeResponse
{
    public required RecordKind Kind { get; init; }
    public required bool StatusesByType { get; init; }
    /// <summary>Types that got a copy of the general list.</summary>
    [System.ComponentModel.DataAnnotations.MaxLength(1000)]
    public required IReadOnlyList<long> CopiedToTypeIds { get; init; }
    /// <summary>How many records moved to an equivalent status (with status-log entries).</summary>
    public required int MovedRecords { get; init; }
}

public sealed class SetStatusesByTypeEndpoint(StudioDbContext db, WorkflowRecords records, StatusTransitions transitions)
    : Endpoint<SetStatusesByTypeRequest, StatusesByTypeResponse>
{
    public override void Configure()
    {
        Put("/workflow/kinds/{kind}/by-type");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("Workflow", "SetStatusesByType",
            "Turn statuses by type on or off",
            "On copies the general list to each type; off is refused while the type lists differ, unless `merge` says how."));
    }

    public override async Task HandleAsync(SetStatusesByTypeRequest req, CancellationToken ct)
    {
        if (!req.Kind.SupportsStatusesByType())
            throw ApiProblem.RuleBroken($"{req.Kind.WireName()} statuses are kept in one list; only session, production order and task statuses can be kept by type.");

        var response = await db.InTransactionAsync(async () =>
        {
            var setting = await db.WorkflowKindSettings.SingleOrDefaultAsync(s => s.Kind == req.Kind, ct);
            if (setting is null)
                db.WorkflowKindSettings.Add(setting = new WorkflowKindSetting { Kind = req.Kind });
            var all = await db.StatusDefinitions.Where(s => s.Kind == req.Kind).OrderBy(s => s.Order).ThenBy(s => s.Id).ToListAsync(ct);
            var general = all.Where(s => s.TypeId is null).ToList();
            return req.Enabled
                ? await EnableAsync(req, setting, all, general, ct)
                : await DisableAsync(req, setting, all, general, ct);
        }, ct);
        await Send.OkAsync(response, ct);
    }

    async Task<StatusesByTypeResponse> EnableAsync(SetStatusesByTypeRequest req, WorkflowKindSetting setting,
        List<StatusDefinition> all, List<StatusDefinition> general, CancellationToken ct)
    {
        var withLists = all.Where(s => s.TypeId is not null).Select(s => s.TypeId!.Value).ToHashSet();
        var copyTo = (req.TypeIds ?? []).Distinct().Where(t => !withLists.Contains(t)).ToList();
        setting.StatusesByType = true;
        foreach (var typeId in copyTo)
            db.StatusDefinitions.AddRange(general.Select(s => new StatusDefinition
            {
                Kind = s.Kind, TypeId = typeId, Description = s.Description, Order = s.Order, DurationBusinessDays = s.DurationBusinessDays,
                Stage = s.Stage, IsInitial = s.IsInitial, IsFinal = s.IsFinal, IsInactive = s.IsInactive, ChangeOnSessionDate = s.ChangeOnSessionDate,
                LabEvent = s.LabEvent,
            }));
        await db.SaveChangesAsync(ct);

        // Records of those types keep their place: each moves to its type's copy of its status.
        var moved = 0;
        if (records.Find(req.Kind) is { HasTypes: true } source && copyTo.Count > 0 && general.Count > 0)
        {
            var generalIds = general.Select(s => s.Id).ToList();
            var ids = await source.Rows(db)
                .Where(r => r.TypeId != null && copyTo.Contains(r.TypeId.Value) && r.StatusId != null && generalIds.Contains(r.StatusId.Value))
                .Select(r => r.Id).ToListAsync(ct);
            var batch = await transitions.ApplyAsync(req.Kind, ids, workflows => row =>
            {
                var current = workflows.Find(row.StatusId!.Value)!;
                var copy = workflows.For(row.TypeId).FirstOrDefault(s => SameDescription(s, current));
                return copy is null || copy.Id == current.Id
                    ? StatusTransitions.Decision.Leave(StatusChangeSkipReason.StatusNotInWorkflow)
                    : StatusTransitions.Decision.Move(copy, keepDates: true);
            }, "Statuses by type turned on: the same status in the type's own list.", ct);
            moved = batch.Entries.Count;
        }
        return new StatusesByTypeResponse { Kind = req.Kind, StatusesByType = true, CopiedToTypeIds = copyTo, MovedRecords = moved };
    }

    async Task<StatusesByTypeResponse> DisableAsync(SetStatusesByTypeRequest req, WorkflowKindSetting setting,
        List<StatusDefinition> all, List<StatusDefinition> general, CancellationToken ct)
    {
        var typed = all.Where(s => s.TypeId is not null).ToList();
        var differences = Differences(general, typed);
        if (differences.Count > 0 && req.Merge != StatusesByTypeMerge.KeepGeneral)
            throw ApiProblem.Conflict(
                "The type lists differ from the general list: turning statuses by type off would lose them. " +
                "Make them the same, or send merge: \"keepGeneral\" to move every record to the general list.",
                new Dictionary<string, object?> { ["differences"] = differences });

        setting.StatusesByType = false;
        await db.SaveChangesAsync(ct);

        var moved = 0;
        if (typed.Count > 0 && records.Find(req.Kind) is { } source)
        {
            var typedIds = typed.Select(s => s.Id).ToList();
            var ids = await source.Rows(db).Where(r => r.StatusId != null && typedIds.Contains(r.StatusId.Value)).Select(r => r.Id).ToListAsync(ct);
            if (ids.Count > 0 && KindWorkflows.Initial(general) is null)
                throw ApiProblem.RuleBroken("The general list has no statuses for the records of the type lists to move to: add them first.");
            var batch = await transitions.ApplyAsync(req.Kind, ids, workflows => row =>
            {
                var current = workflows.Find(row.StatusId!.Value)!;
                var same = general.FirstOrDefault(s => SameDescription(s, current));
                return same is not null
                    ? StatusTransitions.Decision.Move(workflows.Find(same.Id)!, keepDates: true)
                    : StatusTransitions.Decision.Move(workflows.Find(KindWorkflows.Initial(general)!.Id)!);
            }, "Statuses by type turned off: moved to the general list.", ct);
            moved = batch.Entries.Count;
        }

        foreach (var status in typed)
            db.SoftDelete(status);
        await db.SaveChangesAsync(ct);
        return new StatusesByTypeResponse { Kind = req.Kind, StatusesByType = false, CopiedToTypeIds = [], MovedRecords = moved };
    }

    static bool SameDescription(StatusDefinition a, StatusDefinition b) =>
        string.Equals(a.Description, b.Description, StringComparison.OrdinalIgnoreCase);

    static List<StatusListDifference> Differences(List<StatusDefinition> general, List<StatusDefinition> typed)
    {
        var differences = new List<StatusListDifference>();
        foreach (var list in typed.GroupBy(s => s.TypeId!.Value).OrderBy(g => g.Key))
        {
            var typeList = list.ToList();
            foreach (var status in typeList)
            {
                var same = general.FirstOrDefault(g => SameDescription(g, status));
                if (same is null)
                {
                    differences.Add(new StatusListDifference { TypeId = list.Key, Description = status.Description, Difference = "onlyInType" });
                    continue;
                }
                var fields = new List<string>();
                if (general.IndexOf(same) != typeList.IndexOf(status)) fields.Add("order");
                if (same.DurationBusinessDays != status.DurationBusinessDays) fields.Add("durationBusinessDays");
                if (same.Stage != status.Stage) fields.Add("stage");
                if (same.IsInitial != status.IsInitial) fields.Add("isInitial");
                if (same.IsFinal != status.IsFinal) fields.Add("isFinal");
                if (same.IsInactive != status.IsInactive) fields.Add("isInactive");
                if (same.ChangeOnSessionDate != status.ChangeOnSessionDate) fields.Add("changeOnSessionDate");
                if (same.LabEvent != status.LabEvent) fields.Add("labEvent");
                if (fields.Count > 0)
                    differences.Add(new StatusListDifference { TypeId = list.Key, Description = status.Description, Difference = "settingsDiffer", Fields = fields });
            }
            foreach (var status in general.Where(g => !typeList.Any(t => SameDescription(g, t))))
                differences.Add(new StatusListDifference { TypeId = list.Key, Description = status.Description, Difference = "onlyInGeneral" });
        }
        return differences;
    }
}

using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Platform.Workflow;

/// <summary>The rules that keep a workflow's list whole: one initial and one final status, unique descriptions, a size cap.</summary>
public static class WorkflowLists
{
    public const int MaxStatusesPerWorkflow = 200;

    /// <summary>The live statuses of one workflow, tracked (their marks may move), in workflow order.</summary>
    public static Task<List<StatusDefinition>> LoadAsync(StudioDbContext db, WorkflowKey workflow, CancellationToken ct) =>
        db.StatusDefinitions
            .Where(s => s.Kind == workflow.Kind && s.TypeId == workflow.TypeId)
            .OrderBy(s => s.Order).ThenBy(s => s.Id)
            .ToListAsync(ct);

    public static void EnsureDescriptionFree(IEnumerable<StatusDefinition> others, string description, WorkflowKey workflow)
    {
        if (others.Any(s => string.Equals(s.Description, description.Trim(), StringComparison.OrdinalIgnoreCase)))
            throw ApiProblem.Conflict($"The {workflow} workflow already has a status '{description.Trim()}'.",
                new Dictionary<string, object?> { ["description"] = description.Trim() });
    }

    /// <summary>
    /// After <paramref name="changed"/> was added or edited: a new initial or final mark moves from the status that had
    /// it; a workflow of one status has it as both. Refuses to leave the workflow without an initial or final status, and
    /// an inactive status at either end (records could not start at it, or advance to it).
    /// </summary>
    public static void SettleMarks(List<StatusDefinition> workflow, StatusDefinition changed, bool wasInitial, bool wasFinal)
    {
        var others = workflow.Where(s => !ReferenceEquals(s, changed)).ToList();
        if (others.Count == 0)
        {
            changed.IsInitial = changed.IsFinal = true;
        }
        else
        {
            if (wasInitial && !changed.IsInitial)
                throw ApiProblem.RuleBroken($"'{changed.Description}' is the initial status: mark another status as initial instead.");
            if (wasFinal && !changed.IsFinal)
                throw ApiProblem.RuleBroken($"'{changed.Description}' is the final status: mark another status as final instead.");
            if (changed.IsInitial)
                foreach (var other in others.Where(o => o.IsInitial))
                    other.IsInitial = false;
            if (changed.IsFinal)
                foreach (var other in others.Where(o => o.IsFinal))
                    other.IsFinal = false;
        }
        if (changed.IsInactive && (changed.IsInitial || changed.IsFinal))
            throw ApiProblem.RuleBroken($"'{changed.Description}' is the {(changed.IsInitial ? "initial" : "final")} status and cannot be inactive.");
    }

    /// <summary>A list may only be scoped by a type when the kind keeps statuses by type and that is switched on.</summary>
    public static async Task EnsureTypeListAllowedAsync(StudioDbContext db, RecordKind kind, long? typeId, CancellationToken ct)
    {
        if (typeId is null)
            return;
        if (!kind.SupportsStatusesByType())
            throw ApiProblem.RuleBroken($"{kind.WireName()} statuses are kept in one list; only session, production order and task statuses can be kept by type.");
        var byType = await db.WorkflowKindSettings.AnyAsync(s => s.Kind == kind && s.StatusesByType, ct);
        if (!byType)
            throw ApiProblem.RuleBroken(
                $"Statuses by type are off for {kind.WireName()}: turn them on first (PUT /api/v1/workflow/kinds/{kind.WireName()}/by-type).");
    }
}

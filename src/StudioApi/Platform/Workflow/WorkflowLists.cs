using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Http;

namespace StudioApi.Platform.Workflow;

/// <summary>
/// The rules that keep a workflow's list whole: one initial and one final status, unique descriptions, at most one status
/// per lab event, a size cap.
/// </summary>
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

    /// <summary>A lab's callback moves an order to one status of its workflow: a second status marked with the same event is a 409.</summary>
    public static void EnsureLabEventFree(IEnumerable<StatusDefinition> others, LabEvent? labEvent, WorkflowKey workflow)
    {
        if (labEvent is { } wanted && others.FirstOrDefault(s => s.LabEvent == wanted) is { } marked)
            throw LabEventTaken(workflow, wanted, marked.Description);
    }

    static ApiProblem LabEventTaken(WorkflowKey workflow, LabEvent labEvent, string? markedDescription)
    {
        var name = labEvent.WireName();
        var detail = markedDescription is null
            ? $"Another status of the {workflow} workflow is already marked for the lab's '{name}' callback: unmark it first."
            : $"The {workflow} workflow's status '{markedDescription}' is already marked for the lab's '{name}' callback: unmark it first.";
        return ApiProblem.Conflict(detail, new Dictionary<string, object?> { ["labEvent"] = name });
    }

    /// <summary>
    /// Saves a status that passed the checks above. Their unique indexes decide when two admins save at once (the
    /// checks read before either wrote): a 409 that names the rule, the lab event's index being told apart by its name.
    /// </summary>
    public static async Task SaveAsync(StudioDbContext db, StatusDefinition status, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (status.LabEvent is { } labEvent && e.IsUniqueViolation("StatusDefinitions", nameof(StatusDefinition.LabEvent)))
        {
            throw LabEventTaken(status.Workflow, labEvent, null);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation("StatusDefinitions", nameof(StatusDefinition.Kind)))
        {
            throw ApiProblem.Conflict($"The {status.Workflow} workflow already has a status '{status.Description}'.");
        }
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

using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Clients;
using StudioApi.Features.Setup;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.PriceLists;

/// <summary>
/// A price list's uses (<see cref="PriceListAssignment"/>) as the API shows them, one <see cref="PriceListUse"/> per
/// channel, and the checks a change of them passes: the session types and organizations exist, and no other live list
/// holds the same use.
/// </summary>
public static class PriceListUses
{
    public static List<PriceListAssignment> ToAssignments(PriceListUse? inStudio, PriceListUse? online) =>
    [
        .. Of(SalesChannel.InStudio, inStudio),
        .. Of(SalesChannel.Online, online),
    ];

    static IEnumerable<PriceListAssignment> Of(SalesChannel channel, PriceListUse? use)
    {
        if (use is null)
            yield break;
        if (use.IsDefault)
            yield return new PriceListAssignment { Channel = channel, Target = AssignmentTarget.Default, TargetId = 0 };
        foreach (var id in (use.SessionTypeIds ?? []).Distinct())
            yield return new PriceListAssignment { Channel = channel, Target = AssignmentTarget.SessionType, TargetId = id };
        foreach (var id in (use.OrganizationIds ?? []).Distinct())
            yield return new PriceListAssignment { Channel = channel, Target = AssignmentTarget.Organization, TargetId = id };
    }

    public static PriceListUse Use(IEnumerable<PriceListAssignment> assignments, SalesChannel channel)
    {
        var mine = assignments.Where(a => a.Channel == channel).ToList();
        return new PriceListUse
        {
            IsDefault = mine.Any(a => a.Target == AssignmentTarget.Default),
            SessionTypeIds = mine.Where(a => a.Target == AssignmentTarget.SessionType).Select(a => a.TargetId).Order().ToList(),
            OrganizationIds = mine.Where(a => a.Target == AssignmentTarget.Organization).Select(a => a.TargetId).Order().ToList(),
        };
    }

    public static bool Same(IEnumerable<PriceListAssignment> a, IEnumerable<PriceListAssignment> b) =>
        a.Select(Key).Order().SequenceEqual(b.Select(Key).Order());

    static string Key(PriceListAssignment a) => $"{a.Channel}/{a.Target}/{a.TargetId}";

    /// <summary>The session types and organizations named that do not exist (400, each by its field).</summary>
    public static async Task<List<ValidationFailure>> CheckReferencesAsync(StudioDbContext db, PriceListInput input, CancellationToken ct)
    {
        var errors = new List<ValidationFailure>();
        foreach (var (field, use) in new[] { ("inStudio", input.InStudio), ("online", input.Online) })
        {
            if (use is null)
                continue;
            var typeIds = use.SessionTypeIds ?? [];
            var knownTypes = await db.SessionTypes.Where(t => typeIds.Contains(t.Id)).Select(t => t.Id).ToListAsync(ct);
            for (var i = 0; i < typeIds.Count; i++)
                if (!knownTypes.Contains(typeIds[i]))
                    errors.Add(new ValidationFailure($"{field}.sessionTypeIds[{i}]", $"There is no session type {typeIds[i]}."));
            var organizationIds = use.OrganizationIds ?? [];
            var knownOrganizations = await db.Organizations.Where(o => organizationIds.Contains(o.Id)).Select(o => o.Id).ToListAsync(ct);
            for (var i = 0; i < organizationIds.Count; i++)
                if (!knownOrganizations.Contains(organizationIds[i]))
                    errors.Add(new ValidationFailure($"{field}.organizationIds[{i}]", $"There is no organization {organizationIds[i]}."));
        }
        return errors;
    }

    /// <summary>
    /// A 409 when another live list already has one of these uses, naming each and the list that has it. The unique
    /// index settles a race between two saves; this check is there to say which list is in the way.
    /// </summary>
    public static async Task ThrowIfTakenAsync(StudioDbContext db, long listId, IReadOnlyList<PriceListAssignment> wanted, CancellationToken ct)
    {
        if (wanted.Count == 0)
            return;
        var targetIds = wanted.Select(a => a.TargetId).Distinct().ToList();
        var others = await db.PriceLists.Where(l => l.Id != listId)
            .SelectMany(l => l.Assignments.Where(a => targetIds.Contains(a.TargetId)), (l, a) => new { l.Id, l.Name, a.Channel, a.Target, a.TargetId })
            .ToListAsync(ct);
        var taken = others.Where(o => wanted.Any(w => w.Channel == o.Channel && w.Target == o.Target && w.TargetId == o.TargetId))
            .Select(o => new TakenUse(o.Channel, o.Target, o.Target == AssignmentTarget.Default ? null : o.TargetId, o.Id, o.Name))
            .ToList();
        if (taken.Count > 0)
            throw Conflict(taken);
    }

    public static ApiProblem Conflict(IReadOnlyList<TakenUse> taken) => ApiProblem.Conflict(
        "Another price list already has this use: " + string.Join("; ", taken.Select(t => t.Describe())) +
        ". Take it off that list first.",
        new Dictionary<string, object?> { ["taken"] = taken });

    /// <summary>The message for a race the unique index caught.</summary>
    public const string TakenMeanwhile = "Another price list took one of these uses a moment ago; read the lists again.";
}

/// <summary>A use held by another list: the channel, what (the default, a session type, an organization) and which list.</summary>
public sealed record TakenUse(SalesChannel Channel, AssignmentTarget Target, long? TargetId, long PriceListId, string PriceListName)
{
    public string Describe() => Target switch
    {
        AssignmentTarget.Default => $"the {ChannelName} default is '{PriceListName}'",
        AssignmentTarget.SessionType => $"session type {TargetId} sells {ChannelName} from '{PriceListName}'",
        _ => $"organization {TargetId} sells {ChannelName} from '{PriceListName}'",
    };

    string ChannelName => Channel == SalesChannel.InStudio ? "in-studio" : "online";
}

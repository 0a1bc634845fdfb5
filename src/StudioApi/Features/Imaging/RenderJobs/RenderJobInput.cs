using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Workflow;

namespace StudioApi.Features.Imaging.RenderJobs;

/// <summary>The fields of a render job a caller sets, shared by create and update.</summary>
public abstract class RenderJobInput
{
    public string Name { get; set; } = "";
    /// <summary>The render profile the job renders with.</summary>
    public long ProfileId { get; set; }
    /// <summary>The session status that starts a run when a session reaches it.</summary>
    public long TriggerStatusId { get; set; }
    /// <summary>Where the session moves when every image rendered.</summary>
    public long SuccessStatusId { get; set; }
    /// <summary>Where the session moves when an image failed or there was nothing to render; the reason goes in its status log.</summary>
    public long FailureStatusId { get; set; }
    /// <summary>Defaults to true.</summary>
    public bool Active { get; set; } = true;

    public void ApplyTo(RenderJob job)
    {
        job.Name = Name.Trim();
        job.ProfileId = ProfileId;
        job.TriggerStatusId = TriggerStatusId;
        job.SuccessStatusId = SuccessStatusId;
        job.FailureStatusId = FailureStatusId;
        job.Active = Active;
    }

    /// <summary>The profile and the three statuses must exist: the profile live, the statuses live session statuses (422 otherwise).</summary>
    public async Task CheckReferencesAsync(StudioDbContext db, CancellationToken ct)
    {
        if (!await db.RenderProfiles.AnyAsync(p => p.Id == ProfileId, ct))
            throw ApiProblem.RuleBroken($"There is no render profile {ProfileId}.", new Dictionary<string, object?> { ["profileId"] = ProfileId });
        long[] ids = [TriggerStatusId, SuccessStatusId, FailureStatusId];
        var found = await db.StatusDefinitions.Where(s => s.Kind == RecordKind.Session && ids.Contains(s.Id)).Select(s => s.Id).ToListAsync(ct);
        foreach (var (field, id) in new[] { ("triggerStatusId", TriggerStatusId), ("successStatusId", SuccessStatusId), ("failureStatusId", FailureStatusId) })
            if (!found.Contains(id))
                throw ApiProblem.RuleBroken($"There is no session status {id}.", new Dictionary<string, object?> { [field] = id });
    }
}

public sealed class RenderJobInputValidator : AbstractValidator<RenderJobInput>
{
    public RenderJobInputValidator()
    {
        RuleFor(j => j.Name).NotEmpty().MaximumLength(RenderJob.NameMaxLength);
        RuleFor(j => j.ProfileId).GreaterThan(0);
        RuleFor(j => j.TriggerStatusId).GreaterThan(0);
        RuleFor(j => j.SuccessStatusId).GreaterThan(0)
            .NotEqual(j => j.TriggerStatusId).WithMessage("The success status must differ from the trigger status, or the session would not move on.");
        RuleFor(j => j.FailureStatusId).GreaterThan(0)
            .NotEqual(j => j.TriggerStatusId).WithMessage("The failure status must differ from the trigger status, or the session would not move on.");
    }
}

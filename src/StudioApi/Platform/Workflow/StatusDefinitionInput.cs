using FluentValidation;
using FluentValidation.Results;
using StudioApi.Platform.Http;

namespace StudioApi.Platform.Workflow;

/// <summary>The fields of a status a caller sets, shared by create and update. Kind and type are fixed at creation.</summary>
public abstract class StatusDefinitionInput
{
    public string Description { get; set; } = "";
    /// <summary>Position in the workflow; omit on create to append the status at the end (omit on update to keep it).</summary>
    public int? Order { get; set; }
    /// <summary>How many business days the step normally takes (0–365): a record that enters it is due that many working days later.</summary>
    public int DurationBusinessDays { get; set; }
    /// <summary>The workflow hub stage (sessions and production orders only).</summary>
    public WorkflowStage? Stage { get; set; }
    /// <summary>Where new records start. Marking this status moves the mark from the workflow's current initial status.</summary>
    public bool IsInitial { get; set; }
    /// <summary>Where the workflow ends (advance stops here, nothing is overdue here). Marking it moves the mark.</summary>
    public bool IsFinal { get; set; }
    /// <summary>Skipped by advance and not offered as a target; records already at it stay.</summary>
    public bool IsInactive { get; set; }
    /// <summary>Sessions only: change a session to this status on its session date.</summary>
    public bool ChangeOnSessionDate { get; set; }
    /// <summary>
    /// Production orders only: a lab's callback of this event (accepted, rejected, shipped) moves an order of this
    /// workflow to this status. One status of a workflow per event; none: the callback leaves the status as it is.
    /// </summary>
    public LabEvent? LabEvent { get; set; }

    public void ApplyTo(StatusDefinition status)
    {
        status.Description = Description.Trim();
        if (Order is { } order)
            status.Order = order;
        status.DurationBusinessDays = DurationBusinessDays;
        status.Stage = Stage;
        status.IsInitial = IsInitial;
        status.IsFinal = IsFinal;
        status.IsInactive = IsInactive;
        status.ChangeOnSessionDate = ChangeOnSessionDate;
        status.LabEvent = LabEvent;
    }

    /// <summary>
    /// The fields only some kinds have: a stage for sessions and production orders, the session-date change for sessions,
    /// the lab event for production orders.
    /// </summary>
    public IEnumerable<ValidationFailure> KindErrors(RecordKind kind)
    {
        if (Stage is not null && !kind.SupportsStages())
            yield return new ValidationFailure("stage", $"Only session and production order statuses have a workflow stage, not {kind.WireName()} statuses.");
        if (ChangeOnSessionDate && kind != RecordKind.Session)
            yield return new ValidationFailure("changeOnSessionDate", "Only session statuses can change on the session date.");
        if (LabEvent is not null && !kind.SupportsLabEvents())
            yield return new ValidationFailure("labEvent", $"Only production order statuses are moved to by a lab's callbacks, not {kind.WireName()} statuses.");
    }
}

public sealed class StatusDefinitionInputValidator : AbstractValidator<StatusDefinitionInput>
{
    public StatusDefinitionInputValidator()
    {
        RuleFor(s => s.Description).NotEmpty().MaximumLength(StatusDefinition.DescriptionMaxLength);
        RuleFor(s => s.Order).InclusiveBetween(0, 1_000_000);
        RuleFor(s => s.DurationBusinessDays).InclusiveBetween(0, StatusDefinition.MaxDurationBusinessDays);
        RuleFor(s => s.Stage).IsInEnum();
        RuleFor(s => s.LabEvent).IsInEnum();
    }
}

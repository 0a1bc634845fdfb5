using FluentValidation;

namespace StudioApi.Features.Setup.TaskTypes;

/// <summary>The fields of a task type a caller sets, shared by create and update.</summary>
public abstract class TaskTypeInput
{
    public string Name { get; set; } = "";
    /// <summary>Position in pick lists, lowest first.</summary>
    public int SortOrder { get; set; }
    /// <summary>Defaults to true; an inactive type is hidden from pick lists and not offered for new tasks, but stays valid where used.</summary>
    public bool IsActive { get; set; } = true;

    public void ApplyTo(TaskType taskType)
    {
        taskType.Name = Name.Trim();
        taskType.SortOrder = SortOrder;
        taskType.IsActive = IsActive;
    }
}

public sealed class TaskTypeInputValidator : AbstractValidator<TaskTypeInput>
{
    public TaskTypeInputValidator()
    {
        RuleFor(t => t.Name).NotEmpty().MaximumLength(100);
        RuleFor(t => t.SortOrder).InclusiveBetween(0, 1_000_000);
    }
}

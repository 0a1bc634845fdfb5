using FluentValidation;

namespace StudioApi.Features.Schools.YearbookStatuses;

/// <summary>The fields of a yearbook status a caller sets, shared by create and update.</summary>
public abstract class YearbookStatusInput
{
    public string Name { get; set; } = "";
    /// <summary>Position in pick lists, lowest first.</summary>
    public int SortOrder { get; set; }
    /// <summary>Defaults to true; an inactive status is hidden from pick lists but stays valid where used.</summary>
    public bool IsActive { get; set; } = true;

    public void ApplyTo(YearbookStatus yearbookStatus)
    {
        yearbookStatus.Name = Name.Trim();
        yearbookStatus.SortOrder = SortOrder;
        yearbookStatus.IsActive = IsActive;
    }
}

public sealed class YearbookStatusInputValidator : AbstractValidator<YearbookStatusInput>
{
    public YearbookStatusInputValidator()
    {
        RuleFor(t => t.Name).NotEmpty().MaximumLength(100);
        RuleFor(t => t.SortOrder).InclusiveBetween(0, 1_000_000);
    }
}

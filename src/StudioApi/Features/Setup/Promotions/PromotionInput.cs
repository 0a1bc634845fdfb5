using FluentValidation;

namespace StudioApi.Features.Setup.Promotions;

/// <summary>The fields of a promotion a caller sets, shared by create and update.</summary>
public abstract class PromotionInput
{
    public string Name { get; set; } = "";
    /// <summary>What the offer is, where it was advertised.</summary>
    public string? Description { get; set; }
    /// <summary>First day the promotion runs; omit if it has no start.</summary>
    public DateOnly? StartDate { get; set; }
    /// <summary>Last day the promotion runs (inclusive), not before the start; omit if it has no end.</summary>
    public DateOnly? EndDate { get; set; }
    /// <summary>Position in pick lists, lowest first.</summary>
    public int SortOrder { get; set; }
    /// <summary>Defaults to true; an inactive promotion stays on sessions that have it but cannot be added to new ones.</summary>
    public bool IsActive { get; set; } = true;

    public void ApplyTo(Promotion promotion)
    {
        promotion.Name = Name.Trim();
        promotion.Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim();
        promotion.StartDate = StartDate;
        promotion.EndDate = EndDate;
        promotion.SortOrder = SortOrder;
        promotion.IsActive = IsActive;
    }
}

public sealed class PromotionInputValidator : AbstractValidator<PromotionInput>
{
    static readonly DateOnly Earliest = new(1900, 1, 1);
    static readonly DateOnly Latest = new(2200, 12, 31);

    public PromotionInputValidator()
    {
        RuleFor(p => p.Name).NotEmpty().MaximumLength(100);
        RuleFor(p => p.Description).MaximumLength(1000);
        RuleFor(p => p.StartDate).InclusiveBetween(Earliest, Latest);
        RuleFor(p => p.EndDate).InclusiveBetween(Earliest, Latest);
        RuleFor(p => p.EndDate).GreaterThanOrEqualTo(p => p.StartDate)
            .When(p => p.StartDate is not null && p.EndDate is not null)
            .WithMessage("The end date cannot be before the start date.");
        RuleFor(p => p.SortOrder).InclusiveBetween(0, 1_000_000);
    }
}

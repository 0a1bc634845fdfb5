using FluentValidation;

namespace StudioApi.Features.Sales.PriceListGroups;

/// <summary>The fields of a price list group a caller sets, shared by create and update.</summary>
public abstract class PriceListGroupInput
{
    /// <summary>Unique in its price list, any case: Prints, Packages, Digital…</summary>
    public string Name { get; set; } = "";
    public string? Description { get; set; }

    public void ApplyTo(PriceListGroup group)
    {
        group.Name = Name.Trim();
        group.NameKey = PriceListGroup.KeyOf(Name);
        group.Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim();
    }
}

public sealed class PriceListGroupInputValidator : AbstractValidator<PriceListGroupInput>
{
    public const int NameLength = 100;
    public const int DescriptionLength = 1000;

    public PriceListGroupInputValidator()
    {
        RuleFor(g => g.Name).NotEmpty().MaximumLength(NameLength);
        RuleFor(g => g.Description).MaximumLength(DescriptionLength);
    }
}

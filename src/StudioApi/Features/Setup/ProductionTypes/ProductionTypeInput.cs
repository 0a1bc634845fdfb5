using FluentValidation;

namespace StudioApi.Features.Setup.ProductionTypes;

/// <summary>The fields of a production type a caller sets, shared by create and update.</summary>
public abstract class ProductionTypeInput
{
    public string Name { get; set; } = "";
    /// <summary>Position in pick lists, lowest first.</summary>
    public int SortOrder { get; set; }
    /// <summary>Defaults to true; an inactive type is hidden from pick lists but stays valid where used.</summary>
    public bool IsActive { get; set; } = true;

    public void ApplyTo(ProductionType productionType)
    {
        productionType.Name = Name.Trim();
        productionType.SortOrder = SortOrder;
        productionType.IsActive = IsActive;
    }
}

public sealed class ProductionTypeInputValidator : AbstractValidator<ProductionTypeInput>
{
    public ProductionTypeInputValidator()
    {
        RuleFor(t => t.Name).NotEmpty().MaximumLength(100);
        RuleFor(t => t.SortOrder).InclusiveBetween(0, 1_000_000);
    }
}

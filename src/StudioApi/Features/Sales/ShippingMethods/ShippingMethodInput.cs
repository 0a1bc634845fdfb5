using FluentValidation;
using StudioApi.Features.Sales.PriceListItems;
using StudioApi.Platform.Currencies;

namespace StudioApi.Features.Sales.ShippingMethods;

/// <summary>The fields of a shipping method a caller sets, shared by create and update.</summary>
public abstract class ShippingMethodInput
{
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    /// <summary>What the client pays for it, in minor units of the studio's currency (0 for a pickup).</summary>
    public Money? Price { get; set; }
    /// <summary>Position in pick lists, lowest first.</summary>
    public int SortOrder { get; set; }
    /// <summary>Defaults to true; an inactive method is hidden from pick lists but stays valid where used.</summary>
    public bool IsActive { get; set; } = true;

    public void ApplyTo(ShippingMethod method)
    {
        method.Name = Name.Trim();
        method.Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim();
        method.Price = Price!.Value;
        method.SortOrder = SortOrder;
        method.IsActive = IsActive;
    }
}

public sealed class ShippingMethodInputValidator : AbstractValidator<ShippingMethodInput>
{
    public const int NameLength = 100;
    public const int DescriptionLength = 1000;

    public ShippingMethodInputValidator()
    {
        RuleFor(m => m.Name).NotEmpty().MaximumLength(NameLength);
        RuleFor(m => m.Description).MaximumLength(DescriptionLength);
        RuleFor(m => m.Price).NotNull();
        RuleFor(m => m.Price!.Value).Must(PriceRules.IsPrice).OverridePropertyName("price").When(m => m.Price is not null)
            .WithMessage(PriceRules.PriceMessage);
        RuleFor(m => m.SortOrder).InclusiveBetween(0, 1_000_000);
    }
}

using FluentValidation;

namespace StudioApi.Features.Sales.PaymentMethods;

/// <summary>The fields of a payment method a caller sets, shared by create and update.</summary>
public abstract class PaymentMethodInput
{
    public string Name { get; set; } = "";
    /// <summary>cash, check, card, giftCertificate or other.</summary>
    public PaymentMethodKind Kind { get; set; }
    /// <summary>Defaults to false; true makes a payment by this method carry a reference (a check number, an authorization code).</summary>
    public bool RequiresReference { get; set; }
    /// <summary>Position in pick lists, lowest first.</summary>
    public int SortOrder { get; set; }
    /// <summary>Defaults to true; an inactive method is hidden from pick lists but stays valid where used.</summary>
    public bool IsActive { get; set; } = true;

    public void ApplyTo(PaymentMethod method)
    {
        method.Name = Name.Trim();
        method.Kind = Kind;
        method.RequiresReference = RequiresReference;
        method.SortOrder = SortOrder;
        method.IsActive = IsActive;
    }
}

public sealed class PaymentMethodInputValidator : AbstractValidator<PaymentMethodInput>
{
    public const int NameLength = 100;

    public PaymentMethodInputValidator()
    {
        RuleFor(m => m.Name).NotEmpty().MaximumLength(NameLength);
        RuleFor(m => m.Kind).IsInEnum();
        RuleFor(m => m.SortOrder).InclusiveBetween(0, 1_000_000);
    }
}

using FluentValidation;

namespace StudioApi.Features.Setup.Resources;

/// <summary>The fields of a resource a caller sets, shared by create and update.</summary>
public abstract class ResourceInput
{
    public string Name { get; set; } = "";
    /// <summary>cameraRoom (the default), equipment or other.</summary>
    public ResourceKind Kind { get; set; }
    /// <summary>Position in pick lists, lowest first.</summary>
    public int SortOrder { get; set; }
    /// <summary>Defaults to true; an inactive resource is hidden from pick lists and cannot be booked anew.</summary>
    public bool IsActive { get; set; } = true;

    public void ApplyTo(Resource resource)
    {
        resource.Name = Name.Trim();
        resource.Kind = Kind;
        resource.SortOrder = SortOrder;
        resource.IsActive = IsActive;
    }
}

public sealed class ResourceInputValidator : AbstractValidator<ResourceInput>
{
    public ResourceInputValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(100);
        RuleFor(r => r.Kind).IsInEnum();
        RuleFor(r => r.SortOrder).InclusiveBetween(0, 1_000_000);
    }
}

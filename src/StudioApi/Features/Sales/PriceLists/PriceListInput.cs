using FluentValidation;
using StudioApi.Platform.Http.Validation;

namespace StudioApi.Features.Sales.PriceLists;

/// <summary>What a price list is used for in one channel.</summary>
public sealed class PriceListUse
{
    /// <summary>The channel's default list: sessions whose organization and session type have none use it.</summary>
    public bool IsDefault { get; set; }
    /// <summary>Session types whose sessions sell from this list in the channel (each type has at most one list per channel).</summary>
    public List<long>? SessionTypeIds { get; set; }
    /// <summary>Organizations whose sessions sell from this list in the channel; an organization's list comes before its session type's.</summary>
    public List<long>? OrganizationIds { get; set; }
}

/// <summary>The fields of a price list a caller sets, shared by create and update.</summary>
public abstract class PriceListInput
{
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    /// <summary>Its uses at the studio (kiosk, front desk). Omit for none.</summary>
    public PriceListUse? InStudio { get; set; }
    /// <summary>Its uses in the online store. Omit for none.</summary>
    public PriceListUse? Online { get; set; }

    public void ApplyTo(PriceList list)
    {
        list.Name = Name.Trim();
        list.Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim();
        var assignments = PriceListUses.ToAssignments(InStudio, Online);
        // Replaced only when they differ, so saving the list unchanged is no change.
        if (!PriceListUses.Same(assignments, list.Assignments))
            list.Assignments = assignments;
    }
}

public sealed class PriceListInputValidator : AbstractValidator<PriceListInput>
{
    public const int NameLength = 100;
    public const int DescriptionLength = 1000;
    public const int MaxAssignedRecords = 500;

    public PriceListInputValidator()
    {
        RuleFor(l => l.Name).NotEmpty().MaximumLength(NameLength);
        RuleFor(l => l.Description).MaximumLength(DescriptionLength);
        RuleFor(l => l.InStudio!).SetValidator(new PriceListUseValidator()).When(l => l.InStudio is not null);
        RuleFor(l => l.Online!).SetValidator(new PriceListUseValidator()).When(l => l.Online is not null);
    }
}

public sealed class PriceListUseValidator : AbstractValidator<PriceListUse>
{
    public PriceListUseValidator()
    {
        RuleFor(u => u.SessionTypeIds).MaxItems(PriceListInputValidator.MaxAssignedRecords)
            .Must(ids => ids is null || ids.Distinct().Count() == ids.Count).WithMessage("Name each session type once.");
        RuleForEach(u => u.SessionTypeIds).GreaterThan(0);
        RuleFor(u => u.OrganizationIds).MaxItems(PriceListInputValidator.MaxAssignedRecords)
            .Must(ids => ids is null || ids.Distinct().Count() == ids.Count).WithMessage("Name each organization once.");
        RuleForEach(u => u.OrganizationIds).GreaterThan(0);
    }
}

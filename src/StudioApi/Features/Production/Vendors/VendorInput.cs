using FluentValidation;
using StudioApi.Platform.Http.Validation;

namespace StudioApi.Features.Production.Vendors;

/// <summary>The fields of a vendor a caller sets, shared by create and update.</summary>
public abstract class VendorInput
{
    public string Name { get; set; } = "";
    /// <summary>The person to talk to.</summary>
    public string? ContactName { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    /// <summary>The studio's account number with the vendor.</summary>
    public string? AccountNumber { get; set; }
    /// <summary>manual (default), hotFolderZip or labApi.</summary>
    public SubmissionMethod SubmissionMethod { get; set; } = SubmissionMethod.Manual;
    /// <summary>whcc or bayPhoto: required with labApi, refused otherwise.</summary>
    public LabProtocol? LabProtocol { get; set; }
    public string? Notes { get; set; }
    /// <summary>Production types this vendor is the default of (0–500 live types; none already another live vendor's default).</summary>
    public List<long>? ProductionTypeIds { get; set; }
    /// <summary>Price list items this vendor is the default of (0–500 live items; none already another live vendor's default).</summary>
    public List<long>? PriceListItemIds { get; set; }

    public void ApplyTo(Vendor vendor)
    {
        vendor.Name = Name.Trim();
        vendor.ContactName = Clean(ContactName);
        vendor.Email = Clean(Email);
        vendor.Phone = Clean(Phone);
        vendor.AccountNumber = Clean(AccountNumber);
        vendor.SubmissionMethod = SubmissionMethod;
        vendor.LabProtocol = SubmissionMethod == SubmissionMethod.LabApi ? LabProtocol : null;
        vendor.Notes = Clean(Notes);
        var types = (ProductionTypeIds ?? []).Distinct().Order().ToList();
        // Owned lists are replaced only when they differ, so an unchanged vendor saves as no change.
        if (!types.SequenceEqual(vendor.ProductionTypes.Select(t => t.ProductionTypeId).Order()))
            vendor.ProductionTypes = types.Select(id => new VendorProductionType { ProductionTypeId = id }).ToList();
        var items = (PriceListItemIds ?? []).Distinct().Order().ToList();
        if (!items.SequenceEqual(vendor.PriceListItems.Select(i => i.PriceListItemId).Order()))
            vendor.PriceListItems = items.Select(id => new VendorPriceListItem { PriceListItemId = id }).ToList();
    }

    static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public sealed class VendorInputValidator : AbstractValidator<VendorInput>
{
    public VendorInputValidator()
    {
        RuleFor(v => v.Name).NotEmpty().MaximumLength(VendorLimits.NameLength);
        RuleFor(v => v.ContactName).MaximumLength(VendorLimits.ContactLength);
        RuleFor(v => v.Email).MaximumLength(VendorLimits.EmailLength).EmailAddress().When(v => !string.IsNullOrWhiteSpace(v.Email));
        RuleFor(v => v.Phone).MaximumLength(VendorLimits.PhoneLength);
        RuleFor(v => v.AccountNumber).MaximumLength(VendorLimits.AccountNumberLength);
        RuleFor(v => v.Notes).MaximumLength(VendorLimits.NotesLength);
        RuleFor(v => v.SubmissionMethod).IsInEnum();
        RuleFor(v => v.LabProtocol).IsInEnum();
        RuleFor(v => v.LabProtocol).NotNull().When(v => v.SubmissionMethod == SubmissionMethod.LabApi)
            .WithMessage("A vendor taking orders through its API names the lab protocol it speaks: whcc or bayPhoto.");
        RuleFor(v => v.LabProtocol).Null().When(v => v.SubmissionMethod != SubmissionMethod.LabApi)
            .WithMessage("Only a vendor with submissionMethod labApi has a lab protocol; leave it out.");
        RuleFor(v => v.ProductionTypeIds).MaxItems(VendorLimits.MaxDefaults);
        RuleForEach(v => v.ProductionTypeIds).GreaterThan(0);
        RuleFor(v => v.PriceListItemIds).MaxItems(VendorLimits.MaxDefaults);
        RuleForEach(v => v.PriceListItemIds).GreaterThan(0);
    }
}

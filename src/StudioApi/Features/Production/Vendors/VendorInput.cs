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
    /// <summary>labApi only: the lab API's address (absolute http(s) URL); omit for the protocol's documented production address.</summary>
    public string? LabApiUrl { get; set; }
    /// <summary>labApi only: the shipping method code the lab's orders name (Bay Photo's shipping.code, e.g. GROUND).</summary>
    public string? LabShippingCode { get; set; }
    /// <summary>Write-only: the lab's API key (WHCC consumer key, Bay Photo client id). Omit (or null) to keep it, "" to remove it. Never returned (see hasLabKey).</summary>
    public string? LabKey { get; set; }
    /// <summary>Write-only: the lab's API secret (WHCC consumer secret, which also signs WHCC's callbacks; Bay Photo client secret). Omit to keep, "" to remove. Never returned.</summary>
    public string? LabSecret { get; set; }
    /// <summary>Write-only: the secret the lab signs its callbacks with, for labs whose callbacks are not signed with the API secret (Bay Photo). Omit to keep, "" to remove. Never returned.</summary>
    public string? LabCallbackSecret { get; set; }
    /// <summary>The lab's product code and options for price list items (0–500, one per item): a lab order names each line's product by it, else by the line's own code.</summary>
    public List<VendorLabProductInput>? LabProducts { get; set; }

    public void ApplyTo(Vendor vendor, LabSecrets secrets)
    {
        vendor.Name = Name.Trim();
        vendor.ContactName = Clean(ContactName);
        vendor.Email = Clean(Email);
        vendor.Phone = Clean(Phone);
        vendor.AccountNumber = Clean(AccountNumber);
        vendor.SubmissionMethod = SubmissionMethod;
        vendor.LabProtocol = SubmissionMethod == SubmissionMethod.LabApi ? LabProtocol : null;
        vendor.Notes = Clean(Notes);
        vendor.LabApiUrl = Clean(LabApiUrl)?.TrimEnd('/');
        vendor.LabShippingCode = Clean(LabShippingCode);
        if (LabKey is not null)
            vendor.LabKeyProtected = LabKey.Length == 0 ? null : secrets.Protect(LabKey.Trim());
        if (LabSecret is not null)
            vendor.LabSecretProtected = LabSecret.Length == 0 ? null : secrets.Protect(LabSecret.Trim());
        if (LabCallbackSecret is not null)
            vendor.LabCallbackSecretProtected = LabCallbackSecret.Length == 0 ? null : secrets.Protect(LabCallbackSecret.Trim());
        var products = (LabProducts ?? []).OrderBy(p => p.PriceListItemId)
            .Select(p => new VendorLabProduct { PriceListItemId = p.PriceListItemId, LabCode = p.LabCode.Trim(), LabOptions = VendorLabProductInput.Join(p.LabOptions) }).ToList();
        if (!products.Select(p => (p.PriceListItemId, p.LabCode, p.LabOptions)).SequenceEqual(
                vendor.LabProducts.OrderBy(p => p.PriceListItemId).Select(p => (p.PriceListItemId, p.LabCode, p.LabOptions))))
            vendor.LabProducts = products;
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
        RuleFor(v => v.LabApiUrl).MaximumLength(VendorLimits.UrlLength)
            .Must(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Query.Length == 0)
            .When(v => !string.IsNullOrWhiteSpace(v.LabApiUrl))
            .WithMessage("The lab API's address is an absolute http(s) URL without a query, such as https://apps.whcc.com.");
        RuleFor(v => v.LabShippingCode).MaximumLength(VendorLimits.LabCodeLength);
        RuleFor(v => v.LabKey).MaximumLength(VendorLimits.SecretLength);
        RuleFor(v => v.LabSecret).MaximumLength(VendorLimits.SecretLength);
        RuleFor(v => v.LabCallbackSecret).MaximumLength(VendorLimits.SecretLength);
        RuleFor(v => v.LabProducts).MaxItems(VendorLimits.MaxDefaults);
        RuleFor(v => v.LabProducts).Must(p => p!.Select(x => x.PriceListItemId).Distinct().Count() == p!.Count).When(v => v.LabProducts is not null)
            .WithMessage("A price list item has one lab product code: list each item once.");
        RuleForEach(v => v.LabProducts).ChildRules(p =>
        {
            p.RuleFor(x => x.PriceListItemId).GreaterThan(0);
            p.RuleFor(x => x.LabCode).NotEmpty().MaximumLength(VendorLimits.LabCodeLength).Matches("^[A-Za-z0-9._-]+$")
                .WithMessage("A lab product code is letters, digits, '.', '_' or '-' (WHCC's ProductUID, Bay Photo's product code).");
            p.RuleFor(x => x.LabOptions).MaxItems(VendorLimits.MaxLabOptions);
            p.RuleForEach(x => x.LabOptions).NotEmpty().MaximumLength(VendorLimits.LabCodeLength).Matches("^[A-Za-z0-9._-]+$")
                .WithMessage("A lab option code is letters, digits, '.', '_' or '-'.");
        }).When(v => v.LabProducts is not null);
    }
}

/// <summary>The lab's name for one price list item.</summary>
public sealed class VendorLabProductInput
{
    public long PriceListItemId { get; set; }
    /// <summary>The lab's product code (WHCC ProductUID, Bay Photo product code).</summary>
    public string LabCode { get; set; } = "";
    /// <summary>The lab's option codes (WHCC item AttributeUIDs, Bay Photo option codes), 0–20.</summary>
    public List<string>? LabOptions { get; set; }

    public static string? Join(List<string>? options) =>
        options is null || options.Count == 0 ? null : string.Join(',', options.Select(o => o.Trim()));
}

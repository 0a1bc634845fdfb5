using System.ComponentModel.DataAnnotations;
using StudioApi.Platform.Http;

namespace StudioApi.Features.Production.Vendors;

public sealed class VendorResponse : RecordResponse
{
    public required string Name { get; init; }
    public string? ContactName { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? AccountNumber { get; init; }
    public required SubmissionMethod SubmissionMethod { get; init; }
    /// <summary>The lab API it speaks, with submissionMethod labApi; null otherwise.</summary>
    public LabProtocol? LabProtocol { get; init; }
    public string? Notes { get; init; }
    /// <summary>The production types it is the default vendor of.</summary>
    [MaxLength(VendorLimits.MaxDefaults)]
    public required IReadOnlyList<long> ProductionTypeIds { get; init; }
    /// <summary>The price list items it is the default vendor of.</summary>
    [MaxLength(VendorLimits.MaxDefaults)]
    public required IReadOnlyList<long> PriceListItemIds { get; init; }
    /// <summary>The lab API's address it was given; null for the protocol's documented production address.</summary>
    [MaxLength(VendorLimits.UrlLength)]
    public string? LabApiUrl { get; init; }
    [MaxLength(VendorLimits.LabCodeLength)]
    public string? LabShippingCode { get; init; }
    /// <summary>Whether the lab's API key is set (the key itself is never returned).</summary>
    public required bool HasLabKey { get; init; }
    /// <summary>Whether the lab's API secret is set (never returned).</summary>
    public required bool HasLabSecret { get; init; }
    /// <summary>Whether a separate callback signing secret is set (never returned).</summary>
    public required bool HasLabCallbackSecret { get; init; }
    /// <summary>The lab's product code and options of price list items.</summary>
    [MaxLength(VendorLimits.MaxDefaults)]
    public required IReadOnlyList<VendorLabProductResponse> LabProducts { get; init; }

    public static VendorResponse From(Vendor v) => new VendorResponse
    {
        Name = v.Name,
        ContactName = v.ContactName,
        Email = v.Email,
        Phone = v.Phone,
        AccountNumber = v.AccountNumber,
        SubmissionMethod = v.SubmissionMethod,
        LabProtocol = v.LabProtocol,
        Notes = v.Notes,
        ProductionTypeIds = v.ProductionTypes.Select(t => t.ProductionTypeId).Order().ToList(),
        PriceListItemIds = v.PriceListItems.Select(i => i.PriceListItemId).Order().ToList(),
        LabApiUrl = v.LabApiUrl,
        LabShippingCode = v.LabShippingCode,
        HasLabKey = v.LabKeyProtected is not null,
        HasLabSecret = v.LabSecretProtected is not null,
        HasLabCallbackSecret = v.LabCallbackSecretProtected is not null,
        LabProducts = v.LabProducts.OrderBy(p => p.PriceListItemId).Select(p => new VendorLabProductResponse
        {
            PriceListItemId = p.PriceListItemId, LabCode = p.LabCode, LabOptions = p.LabOptions?.Split(',') ?? [],
        }).ToList(),
    }.WithAudit(v);
}

public sealed class VendorLabProductResponse
{
    public required long PriceListItemId { get; init; }
    [MaxLength(VendorLimits.LabCodeLength)]
    public required string LabCode { get; init; }
    [MaxLength(VendorLimits.MaxLabOptions)]
    public required IReadOnlyList<string> LabOptions { get; init; }
}

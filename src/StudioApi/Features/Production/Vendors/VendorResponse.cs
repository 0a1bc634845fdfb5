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
    }.WithAudit(v);
}

using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Production.Vendors;

/// <summary>
/// A lab or other supplier that makes what the studio sells (seed: Maintenance > Production > Vendor): who to talk to,
/// the studio's account with it, and how orders reach it. It can be the default vendor of production types and of
/// price list items, so a new production order knows where it goes.
/// </summary>
public sealed class Vendor : AuditedRecord
{
    public string Name { get; set; } = "";
    public string? ContactName { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    /// <summary>The studio's account number with the vendor.</summary>
    public string? AccountNumber { get; set; }
    public SubmissionMethod SubmissionMethod { get; set; } = SubmissionMethod.Manual;
    /// <summary>Which lab API it speaks, for <see cref="SubmissionMethod.LabApi"/> only.</summary>
    public LabProtocol? LabProtocol { get; set; }
    public string? Notes { get; set; }
    /// <summary>The lab API's address; null for the protocol's documented production address (see <see cref="LabProtocols"/>).</summary>
    public string? LabApiUrl { get; set; }
    /// <summary>The shipping method code the lab's orders name (Bay Photo's shipping.code); null for the lab's default.</summary>
    public string? LabShippingCode { get; set; }
    /// <summary>The lab's API key (WHCC consumer key, Bay Photo client id), sealed (LabSecrets); never returned.</summary>
    public string? LabKeyProtected { get; set; }
    /// <summary>The lab's API secret (WHCC consumer secret, Bay Photo client secret), sealed; never returned.</summary>
    public string? LabSecretProtected { get; set; }
    /// <summary>The secret the lab signs its callbacks with, where it is not the API secret (Bay Photo), sealed; never returned.</summary>
    public string? LabCallbackSecretProtected { get; set; }
    /// <summary>The lab's product code (and options) of each price list item it makes: a lab order names products by them.</summary>
    public List<VendorLabProduct> LabProducts { get; set; } = [];
    /// <summary>The production types it is the default vendor of (each type has at most one live default vendor).</summary>
    public List<VendorProductionType> ProductionTypes { get; set; } = [];
    /// <summary>The price list items it is the default vendor of; an item's default wins over its production type's.</summary>
    public List<VendorPriceListItem> PriceListItems { get; set; } = [];
}

/// <summary>How orders go to a vendor.</summary>
public enum SubmissionMethod
{
    /// <summary>By hand: the studio places the order itself (phone, the lab's own software).</summary>
    Manual,
    /// <summary>A zip package of the rendered files and an order document, dropped into the lab's hot folder.</summary>
    HotFolderZip,
    /// <summary>Through the lab's order API (see <see cref="LabProtocol"/>).</summary>
    LabApi,
}

/// <summary>The lab order APIs the studio can speak.</summary>
public enum LabProtocol
{
    /// <summary>WHCC's Order Submit API.</summary>
    Whcc,
    /// <summary>Bay Photo's Order API v2.</summary>
    BayPhoto,
}

public sealed class VendorProductionType
{
    public long ProductionTypeId { get; set; }
}

public sealed class VendorPriceListItem
{
    public long PriceListItemId { get; set; }
}

/// <summary>What a lab calls one of the studio's price list items: its product code and options (WHCC ProductUID and item AttributeUIDs, Bay Photo product and option codes).</summary>
public sealed class VendorLabProduct
{
    public long PriceListItemId { get; set; }
    public string LabCode { get; set; } = "";
    /// <summary>The options' codes, comma-separated.</summary>
    public string? LabOptions { get; set; }
}

public static class VendorLimits
{
    public const int NameLength = 100;
    public const int ContactLength = 100;
    public const int EmailLength = 254;
    public const int PhoneLength = 40;
    public const int AccountNumberLength = 60;
    public const int NotesLength = 4000;
    public const int MaxDefaults = 500;
    public const int UrlLength = 300;
    public const int LabCodeLength = 50;
    public const int LabOptionsLength = 500;
    public const int MaxLabOptions = 20;
    public const int SecretLength = 500;
}

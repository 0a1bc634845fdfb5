using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.PaymentMethods;

/// <summary>
/// How a client pays (seed: Maintenance > Invoice > Payment Methods): cash, check, a card brand, a gift certificate.
/// A payment names one; its kind tells the front desk what to ask for (a check number, a card's authorization).
/// A setup list: every studio gets the common ones (see Seeding/ReferenceData.cs).
/// </summary>
public sealed class PaymentMethod : AuditedRecord
{
    public string Name { get; set; } = "";
    public PaymentMethodKind Kind { get; set; }
    /// <summary>A payment by this method needs a reference (the check number, the card's authorization code).</summary>
    public bool RequiresReference { get; set; }
    /// <summary>Position in pick lists, lowest first.</summary>
    public int SortOrder { get; set; }
    /// <summary>An inactive method is hidden from pick lists but stays valid on the payments that have it.</summary>
    public bool IsActive { get; set; } = true;
}

/// <summary>What kind of money a method is: how it is counted at the end of the day, and what a payment needs.</summary>
public enum PaymentMethodKind
{
    Cash,
    Check,
    Card,
    GiftCertificate,
    Other,
}

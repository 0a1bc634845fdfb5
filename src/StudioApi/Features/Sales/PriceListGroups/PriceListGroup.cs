using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.PriceListGroups;

/// <summary>
/// A group of a price list (seed: "Select the Price List and Group that you want to create this item in"): Session
/// fees, Prints, Packages, Digital… Groups are shown in their order; every item belongs to one.
/// </summary>
public sealed class PriceListGroup : AuditedRecord
{
    public long PriceListId { get; set; }
    /// <summary>Unique among the live groups of its list, without regard to case.</summary>
    public string Name { get; set; } = "";
    /// <summary>The name in capitals: what uniqueness compares, so Prints and prints are one group (as the import matches them).</summary>
    public string NameKey { get; set; } = "";

    public static string KeyOf(string name) => name.Trim().ToUpperInvariant();
    public string? Description { get; set; }
    /// <summary>Place in the list, lowest first (10, 20, 30… so one can go between two without renumbering).</summary>
    public int Position { get; set; }
}

using StudioApi.Platform.Addresses;
using StudioApi.Platform.Persistence;


namespace StudioApi.Features.Setup.Locations;

/// <summary>A place away from the studio where sessions happen (a park, a church, a client's home). A setup list.</summary>
public sealed class Location : AuditedRecord
{
    public string Name { get; set; } = "";
    public PostalAddress Address { get; set; } = new();
    /// <summary>Directions, parking, whom to ask on site.</summary>
    public string? Notes { get; set; }
    /// <summary>An inactive location is hidden from pick lists and cannot be booked anew; existing sessions keep it.</summary>
    public bool IsActive { get; set; } = true;
}

using StudioApi.Platform.Addresses;
using StudioApi.Platform.Http;


namespace StudioApi.Features.Setup.Locations;

public sealed class LocationResponse : RecordResponse
{
    public required string Name { get; init; }
    public required PostalAddress Address { get; init; }
    public string? Notes { get; init; }
    public required bool IsActive { get; init; }

    public static LocationResponse From(Location l) => new LocationResponse
    {
        Name = l.Name,
        Address = l.Address,
        Notes = l.Notes,
        IsActive = l.IsActive,
    }.WithAudit(l);
}

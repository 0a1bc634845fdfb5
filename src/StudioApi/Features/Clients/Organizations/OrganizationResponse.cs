using StudioApi.Platform.Addresses;
using StudioApi.Platform.Http;


namespace StudioApi.Features.Clients.Organizations;

public sealed class OrganizationResponse : RecordResponse
{
    public required string Name { get; init; }
    public required string Code { get; init; }
    public required PostalAddress Address { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public string? Website { get; init; }
    public string? Notes { get; init; }
    public required IReadOnlyList<OrganizationContact> Contacts { get; init; }
    public required YearbookImageSpec YearbookImageSpec { get; init; }
    public required OrganizationYearbook Yearbook { get; init; }

    public static OrganizationResponse From(Organization o) => new OrganizationResponse
    {
        Name = o.Name,
        Code = o.Code,
        Address = o.Address,
        Phone = o.Phone,
        Email = o.Email,
        Website = o.Website,
        Notes = o.Notes,
        Contacts = o.Contacts,
        YearbookImageSpec = o.YearbookImageSpec,
        Yearbook = o.Yearbook,
    }.WithAudit(o);
}

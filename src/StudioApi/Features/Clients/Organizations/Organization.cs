using StudioApi.Platform.Addresses;
using StudioApi.Platform.Persistence;


namespace StudioApi.Features.Clients.Organizations;

/// <summary>A school or other organization whose members the studio photographs. Students are clients linked to it.</summary>
public sealed class Organization : AuditedRecord
{
    public string Name { get; set; } = "";
    /// <summary>Short code the studio uses for the organization (unique), e.g. LHS.</summary>
    public string Code { get; set; } = "";
    public PostalAddress Address { get; set; } = new();
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Website { get; set; }
    public string? Notes { get; set; }
    public List<OrganizationContact> Contacts { get; set; } = [];
    public YearbookImageSpec YearbookImageSpec { get; set; } = new();
    public OrganizationYearbook Yearbook { get; set; } = new();
}

/// <summary>How the organization's yearbook selections are run: until when students, parents and the school may choose, and the status a choice sets.</summary>
public sealed class OrganizationYearbook
{
    /// <summary>The last day (studio time zone) students, parents and the school may choose; the studio may still choose after it. Null: no deadline.</summary>
    public DateOnly? SelectionDeadline { get; set; }
    /// <summary>The yearbook status a session gets when its yearbook selection is made or changed (a name from the yearbook status list); null leaves the status alone.</summary>
    public string? StatusOnSelection { get; set; }
}

/// <summary>A person to talk to at the organization: principal, yearbook adviser, secretary…</summary>
public sealed class OrganizationContact
{
    public string Name { get; set; } = "";
    public string? Role { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
}

/// <summary>How the organization wants yearbook images delivered (the PSPA-style package).</summary>
public sealed class YearbookImageSpec
{
    public int WidthPx { get; set; } = 640;
    public int HeightPx { get; set; } = 800;
    public int Dpi { get; set; } = 300;
    /// <summary>File name of each image, from fields in braces: {studentId}, {lastName}, {firstName}, {grade}.</summary>
    public string FileNamePattern { get; set; } = "{studentId}";
}

using System.Net;
using System.Net.Http.Json;
using StudioApi.Tests.Features.Clients.Organizations;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Features.Clients.Clients;

public sealed record ClientBody(
    long Id,
    int Version,
    int Number,
    string Kind,
    string? FirstName,
    string? LastName,
    string? Company,
    string DisplayName,
    string? ReferralSource,
    DateOnly? BirthDate,
    bool EmailOptOut,
    bool SmsOptOut,
    List<ClientAddressBody> Addresses,
    List<ClientPhoneBody> Phones,
    List<ClientEmailBody> Emails,
    List<FamilyMemberBody> FamilyMembers,
    StudentBody? Student,
    ClientStatusBody? Status,
    ClientFlagsBody Flags,
    string CreatedBy,
    string UpdatedBy,
    DateTimeOffset? DeletedAt);

public sealed record ClientAddressBody(string? Label, PostalAddressBody Address, bool IsPrimary);

public sealed record PostalAddressBody(string? Line1, string? Line2, string? City, string? Region, string? PostalCode, string? Country);

public sealed record ClientPhoneBody(string? Label, string Number, bool SmsCapable, bool IsPrimary);

public sealed record ClientEmailBody(string? Label, string Address, bool IsPrimary);

public sealed record FamilyMemberBody(string? FirstName, string? LastName, long RelationshipId, string? Phone, string? Email, DateOnly? BirthDate, string? Notes);

public sealed record StudentBody(long OrganizationId, string? StudentId, string? Grade, string? Homeroom, string? Teacher, int? GraduationYear, GuardianBody? Guardian);

public sealed record GuardianBody(string? Name, string? Phone, string? Email);

public sealed record ClientStatusBody(long Id, string Description, DateOnly? StatusDate, DateOnly? DueDate, bool IsOverdue);

public sealed record ClientFlagsBody(bool HasOverdueStatus);

public sealed record ClientPage(List<ClientBody> Items, string? NextCursor);



public sealed record RelationshipBody(long Id, int Version, string Name, int SortOrder, bool IsActive, DateTimeOffset? DeletedAt);

public sealed record RelationshipPage(List<RelationshipBody> Items, string? NextCursor);

public static class ClientRequests
{
    public static object Consumer(string firstName, string lastName, string? phone = null, string? email = null, int? number = null) => new
    {
        number,
        kind = "consumer",
        firstName,
        lastName,
        phones = phone is null ? Array.Empty<object>() : [new { label = "mobile", number = phone, smsCapable = true, isPrimary = true }],
        emails = email is null ? Array.Empty<object>() : [new { label = "home", address = email, isPrimary = true }],
    };

    public static object Student(string firstName, string lastName, long organizationId, string? studentId, int graduationYear = 2027) => new
    {
        kind = "consumer",
        firstName,
        lastName,
        student = new { organizationId, studentId, grade = "11", homeroom = "B12", teacher = "Ms. Ortiz", graduationYear },
    };

    public static async Task<ClientBody> CreateAsync(this HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/clients", body);
        return await response.ShouldBeAsync<ClientBody>(HttpStatusCode.Created);
    }

    public static async Task<long> RelationshipIdAsync(this HttpClient client, string name)
    {
        var page = await (await client.GetAsync($"/api/v1/relationships?q={name}")).ShouldBeAsync<RelationshipPage>(HttpStatusCode.OK);
        return page.Items.Single(r => r.Name == name).Id;
    }

    public static async Task<long> OrganizationIdAsync(this HttpClient client, string code)
    {
        var response = await client.PostAsJsonAsync("/api/v1/organizations", OrganizationRequests.New($"School {code}", code));
        return (await response.ShouldBeAsync<OrganizationBody>(HttpStatusCode.Created)).Id;
    }

    public static async Task<ClientPage> SearchAsync(this HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/v1/clients?{query}");
        return await response.ShouldBeAsync<ClientPage>(HttpStatusCode.OK);
    }
}

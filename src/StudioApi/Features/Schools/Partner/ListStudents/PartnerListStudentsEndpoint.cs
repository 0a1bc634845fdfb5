using FastEndpoints;
using StudioApi.Features.Clients.Clients;
using StudioApi.Features.Schools.PartnerClients;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Paging;

namespace StudioApi.Features.Schools.Partner.ListStudents;

public sealed class PartnerListStudentsRequest : ListRequest
{
    public long Id { get; set; }
}

public sealed class PartnerListStudentsValidator()
    : ListRequestValidator<PartnerListStudentsRequest, Client>(PartnerListStudentsEndpoint.SortKeys);

public sealed class PartnerListStudentsEndpoint(PartnerAccess access) : Endpoint<PartnerListStudentsRequest, Page<PartnerStudentResponse>>
{
    /// <summary>
    /// The client list's stored name keys (last name then first; first then last; in any letter case, accents among
    /// their letters), so a school's students are read in order from its (organization, key) index.
    /// </summary>
    internal static readonly SortKeys<Client> SortKeys = new SortKeys<Client>("lastName")
        .Add("lastName", c => c.NameSortKey)
        .Add("firstName", c => c.FirstNameSortKey);

    public override void Configure()
    {
        Get("/partner/organizations/{id}/students");
        Roles(Platform.Auth.Roles.Partner);
        Description(d => d.Operation("Partner", "ListStudents", "List an organization's students",
            "Scope roster:read. The roster as the studio keeps it: students taken off it are not listed."));
    }

    public override async Task HandleAsync(PartnerListStudentsRequest req, CancellationToken ct)
    {
        access.Require(PartnerScopes.RosterRead);
        await access.OrganizationAsync(req.Id, ct);
        var students = access.Students().Where(c => c.Student!.OrganizationId == req.Id);
        await Send.OkAsync(await students.ToPageAsync(req, SortKeys, PartnerStudentResponse.From, ct), ct);
    }
}

using FastEndpoints;
using StudioApi.Features.Clients.Organizations;
using StudioApi.Features.Schools.PartnerClients;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Paging;

namespace StudioApi.Features.Schools.Partner.ListOrganizations;

public sealed class PartnerListOrganizationsRequest : ListRequest;

public sealed class PartnerListOrganizationsValidator()
    : ListRequestValidator<PartnerListOrganizationsRequest, Organization>(PartnerListOrganizationsEndpoint.SortKeys);

public sealed class PartnerListOrganizationsEndpoint(PartnerAccess access) : Endpoint<PartnerListOrganizationsRequest, Page<PartnerOrganizationResponse>>
{
    internal static readonly SortKeys<Organization> SortKeys = new SortKeys<Organization>("name")
        .Add("name", o => o.Name)
        .Add("code", o => o.Code);

    public override void Configure()
    {
        Get("/partner/organizations");
        Roles(Platform.Auth.Roles.Partner);
        Description(d => d.Operation("Partner", "ListOrganizations", "List the partner's organizations", "Scope roster:read."));
    }

    public override async Task HandleAsync(PartnerListOrganizationsRequest req, CancellationToken ct)
    {
        access.Require(PartnerScopes.RosterRead);
        await Send.OkAsync(await access.Organizations().ToPageAsync(req, SortKeys, PartnerOrganizationResponse.From, ct), ct);
    }
}

using FastEndpoints;
using StudioApi.Features.Schools.PartnerClients;
using StudioApi.Platform.Http.OpenApi;

namespace StudioApi.Features.Schools.Partner.GetOrganization;

public sealed class PartnerGetOrganizationRequest
{
    public long Id { get; set; }
}

public sealed class PartnerGetOrganizationEndpoint(PartnerAccess access) : Endpoint<PartnerGetOrganizationRequest, PartnerOrganizationResponse>
{
    public override void Configure()
    {
        Get("/partner/organizations/{id}");
        Roles(Platform.Auth.Roles.Partner);
        Description(d => d.Operation("Partner", "GetOrganization", "Get one of the partner's organizations",
            "Scope roster:read. Another organization is not found (404)."));
    }

    public override async Task HandleAsync(PartnerGetOrganizationRequest req, CancellationToken ct)
    {
        access.Require(PartnerScopes.RosterRead);
        await Send.OkAsync(PartnerOrganizationResponse.From(await access.OrganizationAsync(req.Id, ct)), ct);
    }
}

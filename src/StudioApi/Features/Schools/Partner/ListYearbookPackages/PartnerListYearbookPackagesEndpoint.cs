using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Imaging.RenderRuns;
using StudioApi.Features.Imaging.RenderRuns.List;
using StudioApi.Features.Schools.PartnerClients;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Paging;

namespace StudioApi.Features.Schools.Partner.ListYearbookPackages;

public sealed class PartnerListYearbookPackagesRequest : ListRequest
{
    public long Id { get; set; }
}

public sealed class PartnerListYearbookPackagesValidator()
    : ListRequestValidator<PartnerListYearbookPackagesRequest, RenderRun>(ListRenderRunsEndpoint.SortKeys);

/// <summary>The school's side of the yearbook hand-over: the packages the studio made for it, to download.</summary>
public sealed class PartnerListYearbookPackagesEndpoint(PartnerAccess access) : Endpoint<PartnerListYearbookPackagesRequest, Page<PartnerYearbookPackageResponse>>
{
    public override void Configure()
    {
        Get("/partner/organizations/{id}/yearbook-packages");
        Roles(Platform.Auth.Roles.Partner);
        Description(d => d.Operation("Partner", "ListYearbookPackages", "List an organization's yearbook packages",
            "Scope yearbook:read. The PSPA yearbook packages the studio made for the organization, newest first, each with "
            + "its state and, once written, the link to its zip. Another organization is not found (404)."));
    }

    public override async Task HandleAsync(PartnerListYearbookPackagesRequest req, CancellationToken ct)
    {
        access.Require(PartnerScopes.YearbookRead);
        await access.OrganizationAsync(req.Id, ct);
        // A school has a few packages among all the studio's render runs: their ids from the packages' organization index
        // first, then a page of those runs, rather than reading every run in date order to find them.
        var ids = await access.YearbookPackages().Where(r => r.Package!.OrganizationId == req.Id).Select(r => r.Id).ToListAsync(ct);
        var packages = access.YearbookPackages().Where(r => ids.Contains(r.Id));
        await Send.OkAsync(await packages.ToPageAsync(req, ListRenderRunsEndpoint.SortKeys, PartnerYearbookPackageResponse.From, ct), ct);
    }
}

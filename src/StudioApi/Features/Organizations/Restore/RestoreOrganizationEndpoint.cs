using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Api.Concurrency;
using StudioApi.Api.OpenApi;
using StudioApi.Api.Problems;
using StudioApi.Persistence;

namespace StudioApi.Features.Organizations.Restore;

public sealed class RestoreOrganizationRequest
{
    public long Id { get; set; }
}

public sealed class RestoreOrganizationEndpoint(StudioDbContext db) : Endpoint<RestoreOrganizationRequest, OrganizationResponse>
{
    public override void Configure()
    {
        Post("/organizations/{id}/restore");
        Roles(Auth.Roles.FrontDesk);
        Description(d => d.Operation("Organizations", "Restore", "Bring an organization back from the recycle bin"));
    }

    public override async Task HandleAsync(RestoreOrganizationRequest req, CancellationToken ct)
    {
        var organization = await db.Organizations.IgnoreQueryFilters()
                               .SingleOrDefaultAsync(o => o.Id == req.Id && o.DeletedAt != null, ct)
                           ?? throw ApiProblem.NotFound("deleted organization", req.Id);
        db.Restore(organization);
        await db.SaveOrConflictAsync("Organizations", "Code",
            $"Another organization now uses code {organization.Code}; change its code first.", ct);

        HttpContext.WriteETag(organization);
        await Send.OkAsync(OrganizationResponse.From(organization), ct);
    }
}

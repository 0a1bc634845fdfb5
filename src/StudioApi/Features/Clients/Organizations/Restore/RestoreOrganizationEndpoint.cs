using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Clients.Organizations.Restore;

public sealed class RestoreOrganizationRequest
{
    public long Id { get; set; }
}

public sealed class RestoreOrganizationEndpoint(StudioDbContext db) : Endpoint<RestoreOrganizationRequest, OrganizationResponse>
{
    public override void Configure()
    {
        Post("/organizations/{id}/restore");
        Roles(Platform.Auth.Roles.FrontDesk);
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

using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Clients.Organizations.Get;

public sealed class GetOrganizationRequest
{
    public long Id { get; set; }
}

public sealed class GetOrganizationEndpoint(StudioDbContext db) : Endpoint<GetOrganizationRequest, OrganizationResponse>
{
    public override void Configure()
    {
        Get("/organizations/{id}");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Organizations", "Get", "Get an organization"));
    }

    public override async Task HandleAsync(GetOrganizationRequest req, CancellationToken ct)
    {
        var organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == req.Id, ct)
                           ?? throw ApiProblem.NotFound("organization", req.Id);
        HttpContext.WriteETag(organization);
        await Send.OkAsync(OrganizationResponse.From(organization), ct);
    }
}

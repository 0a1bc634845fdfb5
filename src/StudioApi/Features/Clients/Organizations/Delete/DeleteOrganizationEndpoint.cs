using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Clients.Organizations.Delete;

public sealed class DeleteOrganizationRequest
{
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class DeleteOrganizationEndpoint(StudioDbContext db) : Endpoint<DeleteOrganizationRequest>
{
    public override void Configure()
    {
        Delete("/organizations/{id}");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("Organizations", "Delete", "Move an organization to the recycle bin"));
    }

    public override async Task HandleAsync(DeleteOrganizationRequest req, CancellationToken ct)
    {
        var organization = await db.Organizations.SingleOrDefaultAsync(o => o.Id == req.Id, ct)
                           ?? throw ApiProblem.NotFound("organization", req.Id);
        db.MatchVersion(organization, req.IfMatch);
        db.SoftDelete(organization);
        await db.SaveChangesAsync(ct);
        await Send.NoContentAsync(ct);
    }
}

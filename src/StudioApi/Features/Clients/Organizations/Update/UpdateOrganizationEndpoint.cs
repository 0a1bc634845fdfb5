using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Clients.Organizations.Update;

public sealed class UpdateOrganizationRequest : OrganizationInput
{
    [RouteParam]
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class UpdateOrganizationValidator : Validator<UpdateOrganizationRequest>
{
    public UpdateOrganizationValidator() => Include(new OrganizationInputValidator());
}

public sealed class UpdateOrganizationEndpoint(StudioDbContext db) : Endpoint<UpdateOrganizationRequest, OrganizationResponse>
{
    public override void Configure()
    {
        Put("/organizations/{id}");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("Organizations", "Update", "Replace an organization's fields"));
    }

    public override async Task HandleAsync(UpdateOrganizationRequest req, CancellationToken ct)
    {
        var organization = await db.Organizations.SingleOrDefaultAsync(o => o.Id == req.Id, ct)
                           ?? throw ApiProblem.NotFound("organization", req.Id);
        db.MatchVersion(organization, req.IfMatch);
        req.ApplyTo(organization);
        await db.SaveOrConflictAsync("Organizations", "Code",
            $"An organization with code {organization.Code} already exists.", ct);

        HttpContext.WriteETag(organization);
        await Send.OkAsync(OrganizationResponse.From(organization), ct);
    }
}

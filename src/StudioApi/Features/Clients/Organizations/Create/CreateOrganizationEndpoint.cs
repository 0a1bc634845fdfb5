using FastEndpoints;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Clients.Organizations.Create;

public sealed class CreateOrganizationRequest : OrganizationInput
{
    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }
}

public sealed class CreateOrganizationValidator : Validator<CreateOrganizationRequest>
{
    public CreateOrganizationValidator() => Include(new OrganizationInputValidator());
}

public sealed class CreateOrganizationEndpoint(StudioDbContext db) : Endpoint<CreateOrganizationRequest, OrganizationResponse>
{
    public override void Configure()
    {
        Post("/organizations");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("Organizations", "Create", "Create an organization (a school)").AcceptsIdempotencyKey());
    }

    public override async Task HandleAsync(CreateOrganizationRequest req, CancellationToken ct)
    {
        var organization = new Organization();
        req.ApplyTo(organization);
        db.Organizations.Add(organization);
        await db.SaveOrConflictAsync("Organizations", "Code",
            $"An organization with code {organization.Code} already exists.", ct);

        HttpContext.WriteETag(organization);
        await Send.CreatedAtAsync("Organizations_Get", new { id = organization.Id }, OrganizationResponse.From(organization), cancellation: ct);
    }
}

using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Schools.PartnerClients.Update;

public sealed class UpdatePartnerClientRequest : PartnerClientInput
{
    [RouteParam]
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class UpdatePartnerClientValidator : Validator<UpdatePartnerClientRequest>
{
    public UpdatePartnerClientValidator() => Include(new PartnerClientInputValidator());
}

public sealed class UpdatePartnerClientEndpoint(StudioDbContext db) : Endpoint<UpdatePartnerClientRequest, PartnerClientResponse>
{
    public override void Configure()
    {
        Put("/partner-clients/{id}");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("PartnerClients", "Update", "Change a partner client's organizations and scopes",
            "Takes effect on the client's next request, tokens already issued included."));
    }

    public override async Task HandleAsync(UpdatePartnerClientRequest req, CancellationToken ct)
    {
        var client = await db.PartnerClients.SingleOrDefaultAsync(c => c.Id == req.Id, ct)
                     ?? throw ApiProblem.NotFound("partner client", req.Id);
        db.MatchVersion(client, req.IfMatch);
        if (client.RevokedAt is not null)
            throw ApiProblem.RuleBroken("This partner client is revoked; create a new one.");
        await req.ApplyToAsync(client, db, ct);
        // Owned rows changing alone would not move the version the ETag carries.
        db.Entry(client).State = EntityState.Modified;
        await db.SaveChangesAsync(ct);

        HttpContext.WriteETag(client);
        await Send.OkAsync(PartnerClientResponse.From(client), ct);
    }
}

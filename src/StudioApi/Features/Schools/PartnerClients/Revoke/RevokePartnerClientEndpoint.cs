using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Schools.PartnerClients.Revoke;

public sealed class RevokePartnerClientRequest
{
    [RouteParam]
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class RevokePartnerClientEndpoint(StudioDbContext db) : Endpoint<RevokePartnerClientRequest, PartnerClientResponse>
{
    public override void Configure()
    {
        Post("/partner-clients/{id}/revocation");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("PartnerClients", "Revoke", "Revoke a partner API client",
            "Its secrets are erased and every token it holds stops working on its next request. The client is kept, revoked, " +
            "for the record; revoking it again changes nothing."));
    }

    public override async Task HandleAsync(RevokePartnerClientRequest req, CancellationToken ct)
    {
        var client = await db.PartnerClients.SingleOrDefaultAsync(c => c.Id == req.Id, ct)
                     ?? throw ApiProblem.NotFound("partner client", req.Id);
        db.MatchVersion(client, req.IfMatch);
        if (client.RevokedAt is null)
        {
            client.RevokedAt = db.UtcNow;
            client.Secrets.Clear();
            db.Entry(client).State = EntityState.Modified;
            await db.SaveChangesAsync(ct);
        }

        HttpContext.WriteETag(client);
        await Send.OkAsync(PartnerClientResponse.From(client), ct);
    }
}

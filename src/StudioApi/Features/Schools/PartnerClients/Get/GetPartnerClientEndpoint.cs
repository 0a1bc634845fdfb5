using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Schools.PartnerClients.Get;

public sealed class GetPartnerClientRequest
{
    public long Id { get; set; }
}

public sealed class GetPartnerClientEndpoint(StudioDbContext db) : Endpoint<GetPartnerClientRequest, PartnerClientResponse>
{
    public override void Configure()
    {
        Get("/partner-clients/{id}");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("PartnerClients", "Get", "Get a partner API client",
            "Its organizations, scopes, and the secrets in force (their last four characters only)."));
    }

    public override async Task HandleAsync(GetPartnerClientRequest req, CancellationToken ct)
    {
        var client = await db.PartnerClients.AsNoTracking().SingleOrDefaultAsync(c => c.Id == req.Id, ct)
                     ?? throw ApiProblem.NotFound("partner client", req.Id);
        HttpContext.WriteETag(client);
        await Send.OkAsync(PartnerClientResponse.From(client), ct);
    }
}

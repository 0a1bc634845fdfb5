using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Clients.Clients.Delete;

public sealed class DeleteClientRequest
{
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class DeleteClientEndpoint(StudioDbContext db) : Endpoint<DeleteClientRequest>
{
    public override void Configure()
    {
        Delete("/clients/{id}");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("Clients", "Delete", "Move a client to the recycle bin"));
    }

    public override async Task HandleAsync(DeleteClientRequest req, CancellationToken ct)
    {
        var client = await db.Clients.AsSplitQuery().SingleOrDefaultAsync(c => c.Id == req.Id, ct)
                     ?? throw ApiProblem.NotFound("client", req.Id);
        db.MatchVersion(client, req.IfMatch);
        db.SoftDelete(client);
        await db.SaveChangesAsync(ct);
        await Send.NoContentAsync(ct);
    }
}

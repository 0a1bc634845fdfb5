using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Production.ProofOrders.Delete;

public sealed class DeleteProofOrderRequest
{
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class DeleteProofOrderEndpoint(StudioDbContext db) : Endpoint<DeleteProofOrderRequest>
{
    public override void Configure()
    {
        Delete("/proof-orders/{id}");
        Roles(Platform.Auth.Roles.SessionStaff);
        Description(d => d.Operation("ProofOrders", "Delete", "Move a proof order to the recycle bin"));
    }

    public override async Task HandleAsync(DeleteProofOrderRequest req, CancellationToken ct)
    {
        var order = await db.Set<ProofOrder>().SingleOrDefaultAsync(o => o.Id == req.Id, ct)
                    ?? throw ApiProblem.NotFound("proof order", req.Id);
        db.MatchVersion(order, req.IfMatch);
        db.SoftDelete(order);
        await db.SaveChangesAsync(ct);
        await Send.NoContentAsync(ct);
    }
}

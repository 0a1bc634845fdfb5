using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Scheduling.Sessions;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Production.ProofOrders.Restore;

public sealed class RestoreProofOrderRequest
{
    public long Id { get; set; }
}

public sealed class RestoreProofOrderEndpoint(StudioDbContext db) : Endpoint<RestoreProofOrderRequest, ProofOrderResponse>
{
    public override void Configure()
    {
        Post("/proof-orders/{id}/restore");
        Roles(Platform.Auth.Roles.SessionStaff);
        Description(d => d.Operation("ProofOrders", "Restore", "Bring a proof order back from the recycle bin",
            "Only into a live session (else 409: restore the session first).")
            .Answers(StatusCodes.Status409Conflict, "Its session is in the recycle bin."));
    }

    public override async Task HandleAsync(RestoreProofOrderRequest req, CancellationToken ct)
    {
        var order = await db.InTransactionAsync(async () =>
        {
            var found = await db.Set<ProofOrder>().IgnoreQueryFilters().SingleOrDefaultAsync(o => o.Id == req.Id && o.DeletedAt != null, ct)
                        ?? throw ApiProblem.NotFound("deleted proof order", req.Id);
            if (!await SessionRows.HoldLiveAsync(db, found.SessionId, ct))
                throw ApiProblem.Conflict("Its session is in the recycle bin: restore the session first.");
            db.Restore(found);
            await db.SaveChangesAsync(ct);
            return found;
        }, ct);

        HttpContext.WriteETag(order);
        await Send.OkAsync(ProofOrderResponse.From(order), ct);
    }
}

using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Production.ProofOrders.Get;

public sealed class GetProofOrderRequest
{
    public long Id { get; set; }
}

public sealed class GetProofOrderEndpoint(StudioDbContext db) : Endpoint<GetProofOrderRequest, ProofOrderResponse>
{
    public override void Configure()
    {
        Get("/proof-orders/{id}");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("ProofOrders", "Get", "Get a proof order"));
    }

    public override async Task HandleAsync(GetProofOrderRequest req, CancellationToken ct)
    {
        var order = await db.Set<ProofOrder>().AsNoTracking().SingleOrDefaultAsync(o => o.Id == req.Id, ct)
                    ?? throw ApiProblem.NotFound("proof order", req.Id);
        HttpContext.WriteETag(order);
        await Send.OkAsync(ProofOrderResponse.From(order), ct);
    }
}

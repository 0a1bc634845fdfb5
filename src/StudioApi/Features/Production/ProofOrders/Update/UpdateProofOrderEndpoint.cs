using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Production.ProofOrders.Update;

public sealed class UpdateProofOrderRequest : ProofOrderInput
{
    [RouteParam]
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class UpdateProofOrderValidator : Validator<UpdateProofOrderRequest>
{
    public UpdateProofOrderValidator() => Include(new ProofOrderInputValidator());
}

public sealed class UpdateProofOrderEndpoint(StudioDbContext db) : Endpoint<UpdateProofOrderRequest, ProofOrderResponse>
{
    public override void Configure()
    {
        Put("/proof-orders/{id}");
        Roles(Platform.Auth.Roles.SessionStaff);
        Description(d => d.Operation("ProofOrders", "Update", "Replace a proof order's fields"));
    }

    public override async Task HandleAsync(UpdateProofOrderRequest req, CancellationToken ct)
    {
        var order = await db.Set<ProofOrder>().SingleOrDefaultAsync(o => o.Id == req.Id, ct)
                    ?? throw ApiProblem.NotFound("proof order", req.Id);
        db.MatchVersion(order, req.IfMatch);
        await ProofOrderVendors.CheckAsync(db, req.VendorId, order.VendorId, ct);
        req.ApplyTo(order, req.OrderDate ?? order.OrderDate);
        await db.SaveChangesAsync(ct);

        HttpContext.WriteETag(order);
        await Send.OkAsync(ProofOrderResponse.From(order), ct);
    }
}

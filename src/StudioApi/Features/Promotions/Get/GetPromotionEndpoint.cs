using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Api.Concurrency;
using StudioApi.Api.OpenApi;
using StudioApi.Api.Problems;
using StudioApi.Persistence;

namespace StudioApi.Features.Promotions.Get;

public sealed class GetPromotionRequest
{
    public long Id { get; set; }
}

public sealed class GetPromotionEndpoint(StudioDbContext db) : Endpoint<GetPromotionRequest, PromotionResponse>
{
    public override void Configure()
    {
        Get("/promotions/{id}");
        Roles(Auth.Roles.AnyStaff);
        Description(d => d.Operation("Promotions", "Get", "Get a promotion"));
    }

    public override async Task HandleAsync(GetPromotionRequest req, CancellationToken ct)
    {
        var promotion = await db.Promotions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == req.Id, ct)
                           ?? throw ApiProblem.NotFound("promotion", req.Id);
        HttpContext.WriteETag(promotion);
        await Send.OkAsync(PromotionResponse.From(promotion), ct);
    }
}

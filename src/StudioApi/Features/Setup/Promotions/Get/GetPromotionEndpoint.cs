using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.Promotions.Get;

public sealed class GetPromotionRequest
{
    public long Id { get; set; }
}

public sealed class GetPromotionEndpoint(StudioDbContext db) : Endpoint<GetPromotionRequest, PromotionResponse>
{
    public override void Configure()
    {
        Get("/promotions/{id}");
        Roles(Platform.Auth.Roles.AnyStaff);
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

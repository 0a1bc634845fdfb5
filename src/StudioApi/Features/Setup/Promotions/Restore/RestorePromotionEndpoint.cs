using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.Promotions.Restore;

public sealed class RestorePromotionRequest
{
    public long Id { get; set; }
}

public sealed class RestorePromotionEndpoint(StudioDbContext db) : Endpoint<RestorePromotionRequest, PromotionResponse>
{
    public override void Configure()
    {
        Post("/promotions/{id}/restore");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("Promotions", "Restore", "Bring a promotion back from the recycle bin"));
    }

    public override async Task HandleAsync(RestorePromotionRequest req, CancellationToken ct)
    {
        var promotion = await db.Promotions.IgnoreQueryFilters()
                               .SingleOrDefaultAsync(r => r.Id == req.Id && r.DeletedAt != null, ct)
                           ?? throw ApiProblem.NotFound("deleted promotion", req.Id);
        db.Restore(promotion);
        await db.SaveOrConflictAsync("Promotions", "Name",
            $"Another promotion is now named {promotion.Name}; rename it first.", ct);

        HttpContext.WriteETag(promotion);
        await Send.OkAsync(PromotionResponse.From(promotion), ct);
    }
}

using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.Promotions.Update;

public sealed class UpdatePromotionRequest : PromotionInput
{
    [RouteParam]
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class UpdatePromotionValidator : Validator<UpdatePromotionRequest>
{
    public UpdatePromotionValidator() => Include(new PromotionInputValidator());
}

public sealed class UpdatePromotionEndpoint(StudioDbContext db) : Endpoint<UpdatePromotionRequest, PromotionResponse>
{
    public override void Configure()
    {
        Put("/promotions/{id}");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("Promotions", "Update", "Replace a promotion's fields"));
    }

    public override async Task HandleAsync(UpdatePromotionRequest req, CancellationToken ct)
    {
        var promotion = await db.Promotions.SingleOrDefaultAsync(r => r.Id == req.Id, ct)
                           ?? throw ApiProblem.NotFound("promotion", req.Id);
        db.MatchVersion(promotion, req.IfMatch);
        req.ApplyTo(promotion);
        await db.SaveOrConflictAsync("Promotions", "Name",
            $"A promotion named {promotion.Name} already exists.", ct);

        HttpContext.WriteETag(promotion);
        await Send.OkAsync(PromotionResponse.From(promotion), ct);
    }
}

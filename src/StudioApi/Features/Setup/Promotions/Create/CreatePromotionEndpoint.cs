using FastEndpoints;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.Promotions.Create;

public sealed class CreatePromotionRequest : PromotionInput
{
    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }
}

public sealed class CreatePromotionValidator : Validator<CreatePromotionRequest>
{
    public CreatePromotionValidator() => Include(new PromotionInputValidator());
}

public sealed class CreatePromotionEndpoint(StudioDbContext db) : Endpoint<CreatePromotionRequest, PromotionResponse>
{
    public override void Configure()
    {
        Post("/promotions");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("Promotions", "Create", "Create a promotion").AcceptsIdempotencyKey());
    }

    public override async Task HandleAsync(CreatePromotionRequest req, CancellationToken ct)
    {
        var promotion = new Promotion();
        req.ApplyTo(promotion);
        db.Promotions.Add(promotion);
        await db.SaveOrConflictAsync("Promotions", "Name",
            $"A promotion named {promotion.Name} already exists.", ct);

        HttpContext.WriteETag(promotion);
        await Send.CreatedAtAsync("Promotions_Get", new { id = promotion.Id }, PromotionResponse.From(promotion), cancellation: ct);
    }
}

using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.Promotions.Delete;

public sealed class DeletePromotionRequest
{
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class DeletePromotionEndpoint(StudioDbContext db, ISetupRecordUses<Promotion> uses) : Endpoint<DeletePromotionRequest>
{
    public override void Configure()
    {
        Delete("/promotions/{id}");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d
            .Answers(StatusCodes.Status409Conflict, "Live sessions belong to the promotion (their count in sessionCount).")
            .Operation("Promotions", "Delete",
                "Move a promotion to the recycle bin",
                "Refused while live sessions belong to it."));
    }

    public override async Task HandleAsync(DeletePromotionRequest req, CancellationToken ct)
    {
        var promotion = await db.Promotions.SingleOrDefaultAsync(r => r.Id == req.Id, ct)
                           ?? throw ApiProblem.NotFound("promotion", req.Id);
        db.MatchVersion(promotion, req.IfMatch);

        // Only live sessions count; a promotion that has run its course is made inactive, which keeps its analysis.
        var sessionCount = await uses.CountAsync(promotion.Id, ct);
        if (sessionCount > 0)
            throw ApiProblem.Conflict(
                $"{sessionCount} session(s) belong to {promotion.Name}; take them out first, or make the promotion inactive instead.",
                new Dictionary<string, object?> { ["sessionCount"] = sessionCount });

        db.SoftDelete(promotion);
        await db.SaveChangesAsync(ct);
        await Send.NoContentAsync(ct);
    }
}

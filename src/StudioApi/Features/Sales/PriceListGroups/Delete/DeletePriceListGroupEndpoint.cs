using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Sales.PriceListItems;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.PriceListGroups.Delete;

public sealed class DeletePriceListGroupRequest
{
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class DeletePriceListGroupEndpoint(StudioDbContext db) : Endpoint<DeletePriceListGroupRequest>
{
    public override void Configure()
    {
        Delete("/price-list-groups/{id}");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d
            .Answers(StatusCodes.Status409Conflict, "The group has live items (itemCount), or a live promotion applies to it (usedBy).")
            .Operation("PriceLists", "DeleteGroup", "Move a price list group to the recycle bin",
                "Only an empty group that no promotion applies to: move or delete its items first."));
    }

    public override async Task HandleAsync(DeletePriceListGroupRequest req, CancellationToken ct)
    {
        var group = await db.PriceListGroups.SingleOrDefaultAsync(g => g.Id == req.Id, ct)
                    ?? throw ApiProblem.NotFound("price list group", req.Id);
        db.MatchVersion(group, req.IfMatch);
        var itemCount = await db.PriceListItems.CountAsync(i => i.GroupId == group.Id, ct);
        var promotions = await db.PriceListItems
            .Where(p => p.PromotionTargets.Any(t => t.Kind == PromotionTargetKind.Group && t.TargetId == group.Id))
            .Select(p => p.Code).ToListAsync(ct);
        if (itemCount > 0 || promotions.Count > 0)
            throw ApiProblem.Conflict(
                itemCount > 0 ? $"Group {group.Name} holds {itemCount} item(s): move or delete them first."
                    : $"Promotion {string.Join(", ", promotions)} applies to group {group.Name}: change it first.",
                new Dictionary<string, object?> { ["itemCount"] = itemCount, ["usedBy"] = promotions.Select(code => $"promotion {code} applies to it").ToList() });

        db.SoftDelete(group);
        await db.SaveChangesAsync(ct);
        await Send.NoContentAsync(ct);
    }
}

using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Sales.PriceLists;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Http.Validation;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.PriceListGroups.Reorder;

public sealed class ReorderPriceListGroupsRequest
{
    /// <summary>The price list.</summary>
    [RouteParam]
    public long Id { get; set; }

    /// <summary>Every live group of the list, each once, in the new order.</summary>
    public List<long> GroupIds { get; set; } = [];
}

public sealed class ReorderPriceListGroupsValidator : Validator<ReorderPriceListGroupsRequest>
{
    public ReorderPriceListGroupsValidator()
    {
        RuleFor(r => r.GroupIds).NotEmpty().MaxItems(PriceListResponse.MaxGroups)
            .Must(ids => ids is null || ids.Distinct().Count() == ids.Count).WithMessage("Name each group once.");
    }
}

public sealed class ReorderPriceListGroupsEndpoint(StudioDbContext db) : Endpoint<ReorderPriceListGroupsRequest, PriceListResponse>
{
    public override void Configure()
    {
        Post("/price-lists/{id}/groups/reorder");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("PriceLists", "ReorderGroups", "Put a price list's groups in a new order",
            "groupIds names every live group of the list once (else 422 with missing and unknown); answers the list."));
    }

    public override async Task HandleAsync(ReorderPriceListGroupsRequest req, CancellationToken ct)
    {
        var list = await db.PriceLists.AsNoTracking().SingleOrDefaultAsync(l => l.Id == req.Id, ct)
                   ?? throw ApiProblem.NotFound("price list", req.Id);
        await db.InTransactionAsync(async () =>
        {
            var groups = await db.PriceListGroups.Where(g => g.PriceListId == req.Id).ToDictionaryAsync(g => g.Id, ct);
            var missing = groups.Keys.Except(req.GroupIds).ToList();
            var unknown = req.GroupIds.Where(id => !groups.ContainsKey(id)).ToList();
            if (missing.Count > 0 || unknown.Count > 0)
                throw ApiProblem.RuleBroken("groupIds must name every live group of the price list exactly once.",
                    new Dictionary<string, object?> { ["missing"] = missing, ["unknown"] = unknown });
            for (var i = 0; i < req.GroupIds.Count; i++)
            {
                var position = (i + 1) * 10;
                // Only the groups whose place changed get a new version.
                if (groups[req.GroupIds[i]].Position != position)
                    groups[req.GroupIds[i]].Position = position;
            }
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);

        await Send.OkAsync(await PriceListResponse.OneAsync(db, list, ct), ct);
    }
}

using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Paging;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.PriceListItems.List;

public sealed class ListPriceListItemsRequest : ListRequest
{
    /// <summary>The price list.</summary>
    public long Id { get; set; }

    /// <summary>Only the items of this group.</summary>
    public long? GroupId { get; set; }

    /// <summary>Only items of this type.</summary>
    public PriceListItemType? Type { get; set; }

    /// <summary>true lists only the items offered online (what the online store shows), false only the others.</summary>
    public bool? AvailableOnline { get; set; }

    /// <summary>Codes starting with it, or descriptions containing it.</summary>
    public string? Q { get; set; }

    /// <summary>true lists the list's recycle bin instead of its live items (front desk only).</summary>
    public bool? Deleted { get; set; }
}

public sealed class ListPriceListItemsValidator : ListRequestValidator<ListPriceListItemsRequest, PriceListItem>
{
    public ListPriceListItemsValidator() : base(ListPriceListItemsEndpoint.SortKeys)
    {
        RuleFor(r => r.GroupId).GreaterThan(0);
        RuleFor(r => r.Type).IsInEnum();
        RuleFor(r => r.Q).MaximumLength(ItemLimits.DescriptionLength);
    }
}

/// <summary>
/// A price list's items, a page at a time. Each sort has an index over (list, sort key, id) holding live rows only,
/// so a page is read from it in order without a sort step, however long the list.
/// </summary>
public sealed class ListPriceListItemsEndpoint(StudioDbContext db) : Endpoint<ListPriceListItemsRequest, Page<PriceListItemResponse>>
{
    internal static readonly SortKeys<PriceListItem> SortKeys = new SortKeys<PriceListItem>("position")
        .Add("position", i => i.Position)
        .Add("code", i => i.CodeKey)
        .Add("description", i => i.Description)
        .Add("price", i => i.Price);

    public override void Configure()
    {
        Get("/price-lists/{id}/items");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("PriceListItems", "List", "List a price list's items",
            "In the list's order by default; costs only for the front desk."));
    }

    public override async Task HandleAsync(ListPriceListItemsRequest req, CancellationToken ct)
    {
        var bin = req.Deleted == true;
        if (bin && !PriceListItemResponse.SeesCost(User))
            throw ApiProblem.Forbidden("Only the front desk sees the recycle bin.");
        var lists = bin ? db.PriceLists.IgnoreQueryFilters() : db.PriceLists;
        if (!await lists.AnyAsync(l => l.Id == req.Id, ct))
            throw ApiProblem.NotFound("price list", req.Id);

        var query = bin
            ? db.PriceListItems.IgnoreQueryFilters().Where(i => i.PriceListId == req.Id && i.DeletedAt != null)
            : db.PriceListItems.Where(i => i.PriceListId == req.Id);
        query = query.AsNoTracking();
        if (req.GroupId is { } groupId)
            query = query.Where(i => i.GroupId == groupId);
        if (req.Type is { } type)
            query = query.Where(i => i.Type == type);
        if (req.AvailableOnline is { } online)
            query = query.Where(i => i.AvailableOnline == online);
        if (!string.IsNullOrWhiteSpace(req.Q))
        {
            var code = Like.StartsWith(PriceListItem.KeyOf(req.Q));
            var text = Like.Contains(req.Q);
            query = query.Where(i => EF.Functions.Like(i.CodeKey, code, Like.Escape) || EF.Functions.Like(i.Description, text, Like.Escape));
        }

        var page = await query.ToPageAsync(req, SortKeys, i => i, ct);
        var components = await PriceListItemResponse.ComponentsOfAsync(db, page.Items, ct);
        var seesCost = PriceListItemResponse.SeesCost(User);
        await Send.OkAsync(new Page<PriceListItemResponse>
        {
            Items = page.Items.Select(i => PriceListItemResponse.From(i, components, seesCost)).ToList(),
            NextCursor = page.NextCursor,
        }, ct);
    }
}

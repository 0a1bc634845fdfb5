using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Paging;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.PriceLists.List;

public sealed class ListPriceListsRequest : ListRequest
{
    /// <summary>Text found in the name.</summary>
    public string? Q { get; set; }

    /// <summary>true lists the recycle bin instead of the live lists (front desk only).</summary>
    public bool? Deleted { get; set; }
}

public sealed class ListPriceListsValidator() : ListRequestValidator<ListPriceListsRequest, PriceList>(ListPriceListsEndpoint.SortKeys)
{
}

public sealed class ListPriceListsEndpoint(StudioDbContext db) : Endpoint<ListPriceListsRequest, Page<PriceListResponse>>
{
    internal static readonly SortKeys<PriceList> SortKeys = new SortKeys<PriceList>("name")
        .Add("name", l => l.Name)
        .Add("createdAt", l => l.CreatedAt)
        .Add("updatedAt", l => l.UpdatedAt);

    public override void Configure()
    {
        Get("/price-lists");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("PriceLists", "List", "List price lists", "Each with its groups, uses and item count."));
    }

    public override async Task HandleAsync(ListPriceListsRequest req, CancellationToken ct)
    {
        var query = db.PriceLists.AsNoTracking();
        if (req.Deleted == true)
        {
            if (!Platform.Auth.Roles.FrontDesk.Any(User.IsInRole))
                throw ApiProblem.Forbidden("Only the front desk sees the recycle bin.");
            query = query.IgnoreQueryFilters().Where(l => l.DeletedAt != null);
        }
        if (!string.IsNullOrWhiteSpace(req.Q))
        {
            var pattern = Like.Contains(req.Q);
            query = query.Where(l => EF.Functions.Like(l.Name, pattern, Like.Escape));
        }

        var page = await query.ToPageAsync(req, SortKeys, l => l, ct);
        await Send.OkAsync(new Page<PriceListResponse> { Items = await PriceListResponse.ManyAsync(db, page.Items, ct), NextCursor = page.NextCursor }, ct);
    }
}

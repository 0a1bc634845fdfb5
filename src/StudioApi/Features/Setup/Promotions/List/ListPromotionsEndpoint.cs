using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Paging;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.Promotions.List;

public sealed class ListPromotionsRequest : ListRequest
{
    /// <summary>Text found in the name.</summary>
    public string? Q { get; set; }

    /// <summary>true lists only active promotions (a pick list), false only inactive ones; omit for both.</summary>
    public bool? Active { get; set; }

    /// <summary>Only promotions running on this day: started by then (or no start) and not ended before it (or no end).</summary>
    public DateOnly? Date { get; set; }

    /// <summary>true lists the recycle bin instead of the live records.</summary>
    public bool? Deleted { get; set; }
}

public sealed class ListPromotionsValidator() : ListRequestValidator<ListPromotionsRequest, Promotion>(ListPromotionsEndpoint.SortKeys)
{
}

public sealed class ListPromotionsEndpoint(StudioDbContext db) : Endpoint<ListPromotionsRequest, Page<PromotionResponse>>
{
    internal static readonly SortKeys<Promotion> SortKeys = new SortKeys<Promotion>("sortOrder")
        .Add("sortOrder", p => p.SortOrder)
        .Add("name", p => p.Name)
        // No start sorts first: such a promotion has been running the longest.
        .Add("startDate", p => p.StartDate ?? DateOnly.MinValue);

    public override void Configure()
    {
        Get("/promotions");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Promotions", "List", "List promotions"));
    }

    public override async Task HandleAsync(ListPromotionsRequest req, CancellationToken ct)
    {
        var query = db.Promotions.AsNoTracking();
        if (req.Deleted == true)
            query = query.IgnoreQueryFilters().Where(p => p.DeletedAt != null);
        if (req.Active is { } active)
            query = query.Where(p => p.IsActive == active);
        if (req.Date is { } date)
            query = query.Where(p => (p.StartDate == null || p.StartDate <= date) && (p.EndDate == null || p.EndDate >= date));
        if (!string.IsNullOrWhiteSpace(req.Q))
        {
            var pattern = Like.Contains(req.Q);
            query = query.Where(p => EF.Functions.Like(p.Name, pattern, Like.Escape));
        }

        await Send.OkAsync(await query.ToPageAsync(req, SortKeys, PromotionResponse.From, ct), ct);
    }
}

using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Paging;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Schools.YearbookStatuses.List;

public sealed class ListYearbookStatusesRequest : ListRequest
{
    /// <summary>Text found in the name.</summary>
    public string? Q { get; set; }

    /// <summary>true lists only active types (a pick list), false only inactive ones; omit for both.</summary>
    public bool? Active { get; set; }

    /// <summary>true lists the recycle bin instead of the live records.</summary>
    public bool? Deleted { get; set; }
}

public sealed class ListYearbookStatusesValidator() : ListRequestValidator<ListYearbookStatusesRequest, YearbookStatus>(ListYearbookStatusesEndpoint.SortKeys)
{
}

public sealed class ListYearbookStatusesEndpoint(StudioDbContext db) : Endpoint<ListYearbookStatusesRequest, Page<YearbookStatusResponse>>
{
    internal static readonly SortKeys<YearbookStatus> SortKeys = new SortKeys<YearbookStatus>("sortOrder")
        .Add("sortOrder", t => t.SortOrder)
        .Add("name", t => t.Name);

    public override void Configure()
    {
        Get("/yearbook-statuses");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("YearbookStatuses", "List", "List yearbook statuses"));
    }

    public override async Task HandleAsync(ListYearbookStatusesRequest req, CancellationToken ct)
    {
        var query = db.YearbookStatuses.AsNoTracking();
        if (req.Deleted == true)
            query = query.IgnoreQueryFilters().Where(t => t.DeletedAt != null);
        if (req.Active is { } active)
            query = query.Where(t => t.IsActive == active);
        if (!string.IsNullOrWhiteSpace(req.Q))
        {
            var pattern = Like.Contains(req.Q);
            query = query.Where(t => EF.Functions.Like(t.Name, pattern, Like.Escape));
        }

        await Send.OkAsync(await query.ToPageAsync(req, SortKeys, YearbookStatusResponse.From, ct), ct);
    }
}

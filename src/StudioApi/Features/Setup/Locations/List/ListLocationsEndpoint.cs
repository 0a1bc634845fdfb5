using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Paging;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.Locations.List;

public sealed class ListLocationsRequest : ListRequest
{
    /// <summary>Text found in the name.</summary>
    public string? Q { get; set; }

    /// <summary>true lists only active locations (a pick list), false only inactive ones; omit for both.</summary>
    public bool? Active { get; set; }

    /// <summary>true lists the recycle bin instead of the live records.</summary>
    public bool? Deleted { get; set; }
}

public sealed class ListLocationsValidator() : ListRequestValidator<ListLocationsRequest, Location>(ListLocationsEndpoint.SortKeys)
{
}

public sealed class ListLocationsEndpoint(StudioDbContext db) : Endpoint<ListLocationsRequest, Page<LocationResponse>>
{
    internal static readonly SortKeys<Location> SortKeys = new SortKeys<Location>("name")
        .Add("name", r => r.Name);

    public override void Configure()
    {
        Get("/locations");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Locations", "List", "List outside locations"));
    }

    public override async Task HandleAsync(ListLocationsRequest req, CancellationToken ct)
    {
        var query = db.Locations.AsNoTracking();
        if (req.Deleted == true)
            query = query.IgnoreQueryFilters().Where(r => r.DeletedAt != null);
        if (req.Active is { } active)
            query = query.Where(r => r.IsActive == active);
        if (!string.IsNullOrWhiteSpace(req.Q))
        {
            var pattern = Like.Contains(req.Q);
            query = query.Where(r => EF.Functions.Like(r.Name, pattern, Like.Escape));
        }

        await Send.OkAsync(await query.ToPageAsync(req, SortKeys, LocationResponse.From, ct), ct);
    }
}

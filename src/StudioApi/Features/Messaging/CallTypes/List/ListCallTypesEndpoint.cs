using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Paging;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Messaging.CallTypes.List;

public sealed class ListCallTypesRequest : ListRequest
{
    /// <summary>Text found in the name.</summary>
    public string? Q { get; set; }

    /// <summary>true lists only active types (a pick list), false only inactive ones; omit for both.</summary>
    public bool? Active { get; set; }

    /// <summary>true lists the recycle bin instead of the live records.</summary>
    public bool? Deleted { get; set; }
}

public sealed class ListCallTypesValidator() : ListRequestValidator<ListCallTypesRequest, CallType>(ListCallTypesEndpoint.SortKeys)
{
}

public sealed class ListCallTypesEndpoint(StudioDbContext db) : Endpoint<ListCallTypesRequest, Page<CallTypeResponse>>
{
    internal static readonly SortKeys<CallType> SortKeys = new SortKeys<CallType>("sortOrder")
        .Add("sortOrder", t => t.SortOrder)
        .Add("name", t => t.Name);

    public override void Configure()
    {
        Get("/call-types");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("CallTypes", "List", "List call types"));
    }

    public override async Task HandleAsync(ListCallTypesRequest req, CancellationToken ct)
    {
        var query = db.CallTypes.AsNoTracking();
        if (req.Deleted == true)
            query = query.IgnoreQueryFilters().Where(t => t.DeletedAt != null);
        if (req.Active is { } active)
            query = query.Where(t => t.IsActive == active);
        if (!string.IsNullOrWhiteSpace(req.Q))
        {
            var pattern = Like.Contains(req.Q);
            query = query.Where(t => EF.Functions.Like(t.Name, pattern, Like.Escape));
        }

        await Send.OkAsync(await query.ToPageAsync(req, SortKeys, CallTypeResponse.From, ct), ct);
    }
}

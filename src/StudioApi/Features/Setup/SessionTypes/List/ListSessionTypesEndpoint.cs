using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Paging;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.SessionTypes.List;

public sealed class ListSessionTypesRequest : ListRequest
{
    /// <summary>Text found in the name.</summary>
    public string? Q { get; set; }

    /// <summary>true lists only active types (a pick list), false only inactive ones; omit for both.</summary>
    public bool? Active { get; set; }

    /// <summary>true lists the recycle bin instead of the live records.</summary>
    public bool? Deleted { get; set; }
}

public sealed class ListSessionTypesValidator() : ListRequestValidator<ListSessionTypesRequest, SessionType>(ListSessionTypesEndpoint.SortKeys)
{
}

public sealed class ListSessionTypesEndpoint(StudioDbContext db) : Endpoint<ListSessionTypesRequest, Page<SessionTypeResponse>>
{
    internal static readonly SortKeys<SessionType> SortKeys = new SortKeys<SessionType>("sortOrder")
        .Add("sortOrder", t => t.SortOrder)
        .Add("name", t => t.Name);

    public override void Configure()
    {
        Get("/session-types");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("SessionTypes", "List", "List session types"));
    }

    public override async Task HandleAsync(ListSessionTypesRequest req, CancellationToken ct)
    {
        var query = db.SessionTypes.AsNoTracking();
        if (req.Deleted == true)
            query = query.IgnoreQueryFilters().Where(t => t.DeletedAt != null);
        if (req.Active is { } active)
            query = query.Where(t => t.IsActive == active);
        if (!string.IsNullOrWhiteSpace(req.Q))
        {
            var pattern = Like.Contains(req.Q);
            query = query.Where(t => EF.Functions.Like(t.Name, pattern, Like.Escape));
        }

        await Send.OkAsync(await query.ToPageAsync(req, SortKeys, SessionTypeResponse.From, ct), ct);
    }
}

using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Paging;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.Relationships.List;

public sealed class ListRelationshipsRequest : ListRequest
{
    /// <summary>Text found in the name.</summary>
    public string? Q { get; set; }

    /// <summary>true lists only active relationships (a pick list), false only inactive ones; omit for both.</summary>
    public bool? Active { get; set; }

    /// <summary>true lists the recycle bin instead of the live records.</summary>
    public bool? Deleted { get; set; }
}

public sealed class ListRelationshipsValidator() : ListRequestValidator<ListRelationshipsRequest, Relationship>(ListRelationshipsEndpoint.SortKeys)
{
}

public sealed class ListRelationshipsEndpoint(StudioDbContext db) : Endpoint<ListRelationshipsRequest, Page<RelationshipResponse>>
{
    internal static readonly SortKeys<Relationship> SortKeys = new SortKeys<Relationship>("sortOrder")
        .Add("sortOrder", r => r.SortOrder)
        .Add("name", r => r.Name);

    public override void Configure()
    {
        Get("/relationships");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Relationships", "List", "List family-member relationships"));
    }

    public override async Task HandleAsync(ListRelationshipsRequest req, CancellationToken ct)
    {
        var query = db.Relationships.AsNoTracking();
        if (req.Deleted == true)
            query = query.IgnoreQueryFilters().Where(r => r.DeletedAt != null);
        if (req.Active is { } active)
            query = query.Where(r => r.IsActive == active);
        if (!string.IsNullOrWhiteSpace(req.Q))
        {
            var pattern = Like.Contains(req.Q);
            query = query.Where(r => EF.Functions.Like(r.Name, pattern, Like.Escape));
        }

        await Send.OkAsync(await query.ToPageAsync(req, SortKeys, RelationshipResponse.From, ct), ct);
    }
}

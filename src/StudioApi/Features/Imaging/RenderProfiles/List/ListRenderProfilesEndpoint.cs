using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Paging;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Imaging.RenderProfiles.List;

public sealed class ListRenderProfilesRequest : ListRequest
{
    /// <summary>Text found in the name.</summary>
    public string? Q { get; set; }

    /// <summary>true lists the recycle bin instead of the live records.</summary>
    public bool? Deleted { get; set; }
}

public sealed class ListRenderProfilesValidator() : ListRequestValidator<ListRenderProfilesRequest, RenderProfile>(ListRenderProfilesEndpoint.SortKeys)
{
}

public sealed class ListRenderProfilesEndpoint(StudioDbContext db) : Endpoint<ListRenderProfilesRequest, Page<RenderProfileResponse>>
{
    internal static readonly SortKeys<RenderProfile> SortKeys = new SortKeys<RenderProfile>("name")
        .Add("name", o => o.Name)
        .Add("createdAt", o => o.CreatedAt)
        .Add("updatedAt", o => o.UpdatedAt);

    public override void Configure()
    {
        Get("/render-profiles");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("RenderProfiles", "List", "List render profiles"));
    }

    public override async Task HandleAsync(ListRenderProfilesRequest req, CancellationToken ct)
    {
        var query = db.RenderProfiles.AsNoTracking();
        if (req.Deleted == true)
            query = query.IgnoreQueryFilters().Where(o => o.DeletedAt != null);
        if (!string.IsNullOrWhiteSpace(req.Q))
        {
            var pattern = Like.Contains(req.Q);
            query = query.Where(o => EF.Functions.Like(o.Name, pattern, Like.Escape));
        }

        await Send.OkAsync(await query.ToPageAsync(req, SortKeys, RenderProfileResponse.From, ct), ct);
    }
}

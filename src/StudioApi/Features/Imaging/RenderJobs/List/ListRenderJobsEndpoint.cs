using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Paging;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Imaging.RenderJobs.List;

public sealed class ListRenderJobsRequest : ListRequest
{
    /// <summary>Text found in the name.</summary>
    public string? Q { get; set; }

    /// <summary>Only active (true) or inactive (false) jobs.</summary>
    public bool? Active { get; set; }

    /// <summary>Only jobs started by this session status.</summary>
    public long? TriggerStatusId { get; set; }

    /// <summary>true lists the recycle bin instead of the live records.</summary>
    public bool? Deleted { get; set; }
}

public sealed class ListRenderJobsValidator() : ListRequestValidator<ListRenderJobsRequest, RenderJob>(ListRenderJobsEndpoint.SortKeys)
{
}

public sealed class ListRenderJobsEndpoint(StudioDbContext db) : Endpoint<ListRenderJobsRequest, Page<RenderJobResponse>>
{
    internal static readonly SortKeys<RenderJob> SortKeys = new SortKeys<RenderJob>("name")
        .Add("name", o => o.Name)
        .Add("createdAt", o => o.CreatedAt)
        .Add("updatedAt", o => o.UpdatedAt);

    public override void Configure()
    {
        Get("/render-jobs");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("RenderJobs", "List", "List render jobs"));
    }

    public override async Task HandleAsync(ListRenderJobsRequest req, CancellationToken ct)
    {
        var query = db.RenderJobs.AsNoTracking();
        if (req.Deleted == true)
            query = query.IgnoreQueryFilters().Where(o => o.DeletedAt != null);
        if (!string.IsNullOrWhiteSpace(req.Q))
        {
            var pattern = Like.Contains(req.Q);
            query = query.Where(o => EF.Functions.Like(o.Name, pattern, Like.Escape));
        }

        if (req.Active is { } active)
            query = query.Where(o => o.Active == active);
        if (req.TriggerStatusId is { } trigger)
            query = query.Where(o => o.TriggerStatusId == trigger);

        await Send.OkAsync(await query.ToPageAsync(req, SortKeys, RenderJobResponse.From, ct), ct);
    }
}

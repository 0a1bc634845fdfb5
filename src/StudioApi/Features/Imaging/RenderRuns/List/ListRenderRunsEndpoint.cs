using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Paging;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Imaging.RenderRuns.List;

public sealed class ListRenderRunsRequest : ListRequest
{
    /// <summary>Only runs in this state.</summary>
    public RenderRunState? State { get; set; }

    /// <summary>Only runs that render this session.</summary>
    public long? SessionId { get; set; }

    /// <summary>Only runs started by this render job.</summary>
    public long? RenderJobId { get; set; }
}

public sealed class ListRenderRunsValidator : ListRequestValidator<ListRenderRunsRequest, RenderRun>
{
    public ListRenderRunsValidator() : base(ListRenderRunsEndpoint.SortKeys)
    {
        RuleFor(r => r.State).IsInEnum();
    }
}

public sealed class ListRenderRunsEndpoint(StudioDbContext db) : Endpoint<ListRenderRunsRequest, Page<RenderRunResponse>>
{
    internal static readonly SortKeys<RenderRun> SortKeys = new SortKeys<RenderRun>("-createdAt")
        .Add("createdAt", r => r.CreatedAt);

    public override void Configure()
    {
        Get("/render-runs");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("RenderRuns", "List", "List render runs, newest first"));
    }

    public override async Task HandleAsync(ListRenderRunsRequest req, CancellationToken ct)
    {
        var query = db.RenderRuns.AsNoTracking();
        if (req.State is { } state)
            query = query.Where(r => r.State == state);
        if (req.SessionId is { } sessionId)
            query = query.Where(r => r.Sessions.Any(s => s.SessionId == sessionId));
        if (req.RenderJobId is { } jobId)
            query = query.Where(r => r.RenderJobId == jobId);

        // The page's ids from the creation order's index, then those runs with their sessions.
        var page = await query.ToPageAsync(req, SortKeys, db.RenderRuns.AsNoTracking(), r => r, ct);
        var items = new List<RenderRunResponse>(page.Items.Count);
        foreach (var run in page.Items)
            items.Add(await RenderRunResponses.LoadAsync(db, run, ct));
        await Send.OkAsync(new Page<RenderRunResponse> { Items = items, NextCursor = page.NextCursor }, ct);
    }
}

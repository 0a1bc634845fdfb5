using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Imaging.RenderJobs.Restore;

public sealed class RestoreRenderJobRequest
{
    public long Id { get; set; }
}

public sealed class RestoreRenderJobEndpoint(StudioDbContext db) : Endpoint<RestoreRenderJobRequest, RenderJobResponse>
{
    public override void Configure()
    {
        Post("/render-jobs/{id}/restore");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("RenderJobs", "Restore", "Bring a render job back from the recycle bin"));
    }

    public override async Task HandleAsync(RestoreRenderJobRequest req, CancellationToken ct)
    {
        var job = await db.RenderJobs.IgnoreQueryFilters()
                               .SingleOrDefaultAsync(o => o.Id == req.Id && o.DeletedAt != null, ct)
                           ?? throw ApiProblem.NotFound("deleted render job", req.Id);
        db.Restore(job);
        await db.SaveOrConflictAsync("RenderJobs", "Name",
            $"Another render job is now named {job.Name}; rename it first.", ct);

        HttpContext.WriteETag(job);
        await Send.OkAsync(RenderJobResponse.From(job), ct);
    }
}

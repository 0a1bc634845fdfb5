using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Imaging.RenderJobs.Get;

public sealed class GetRenderJobRequest
{
    public long Id { get; set; }
}

public sealed class GetRenderJobEndpoint(StudioDbContext db) : Endpoint<GetRenderJobRequest, RenderJobResponse>
{
    public override void Configure()
    {
        Get("/render-jobs/{id}");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("RenderJobs", "Get", "Get a render job"));
    }

    public override async Task HandleAsync(GetRenderJobRequest req, CancellationToken ct)
    {
        var job = await db.RenderJobs.AsNoTracking().SingleOrDefaultAsync(o => o.Id == req.Id, ct)
                           ?? throw ApiProblem.NotFound("render job", req.Id);
        HttpContext.WriteETag(job);
        await Send.OkAsync(RenderJobResponse.From(job), ct);
    }
}

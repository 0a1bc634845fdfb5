using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Api.Concurrency;
using StudioApi.Api.OpenApi;
using StudioApi.Api.Problems;
using StudioApi.Persistence;

namespace StudioApi.Features.RenderJobs.Get;

public sealed class GetRenderJobRequest
{
    public long Id { get; set; }
}

public sealed class GetRenderJobEndpoint(StudioDbContext db) : Endpoint<GetRenderJobRequest, RenderJobResponse>
{
    public override void Configure()
    {
        Get("/render-jobs/{id}");
        Roles(Auth.Roles.AnyStaff);
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

using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Imaging.RenderRuns.Get;

public sealed class GetRenderRunRequest
{
    public long Id { get; set; }
}

public sealed class GetRenderRunEndpoint(StudioDbContext db) : Endpoint<GetRenderRunRequest, RenderRunResponse>
{
    public override void Configure()
    {
        Get("/render-runs/{id}");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("RenderRuns", "Get", "Get a render run",
            "Its state, progress, errors and, once finished, its output."));
    }

    public override async Task HandleAsync(GetRenderRunRequest req, CancellationToken ct)
    {
        var run = await db.RenderRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == req.Id, ct)
                  ?? throw ApiProblem.NotFound("render run", req.Id);
        await Send.OkAsync(await RenderRunResponses.LoadAsync(db, run, ct), ct);
    }
}

using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Api.OpenApi;
using StudioApi.Api.Problems;
using StudioApi.Persistence;

namespace StudioApi.Features.RenderRuns.Get;

public sealed class GetRenderRunRequest
{
    public long Id { get; set; }
}

public sealed class GetRenderRunEndpoint(StudioDbContext db) : Endpoint<GetRenderRunRequest, RenderRunResponse>
{
    public override void Configure()
    {
        Get("/render-runs/{id}");
        Roles(Auth.Roles.AnyStaff);
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

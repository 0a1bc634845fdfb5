using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Http;

namespace StudioApi.Features.Imaging.RenderRuns.Cancel;

public sealed class CancelRenderRunRequest
{
    public long Id { get; set; }
}

public sealed class CancelRenderRunEndpoint(StudioDbContext db) : Endpoint<CancelRenderRunRequest, RenderRunResponse>
{
    public override void Configure()
    {
        Post("/render-runs/{id}/cancel");
        Roles(Platform.Auth.Roles.SessionStaff);
        Description(d => d
            .Answers(StatusCodes.Status409Conflict, "The run has already finished.")
            .Operation("RenderRuns", "Cancel",
                "Cancel a render run",
                "A queued or running run stops before its next image; a cancelled run has no output."));
    }

    public override async Task HandleAsync(CancelRenderRunRequest req, CancellationToken ct)
    {
        // A guarded update: the worker finishing the run at the same moment makes this a 409, never both.
        var cancelled = await db.RenderRuns
            .Where(r => r.Id == req.Id && (r.State == RenderRunState.Queued || r.State == RenderRunState.Running))
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.State, RenderRunState.Cancelled)
                .SetProperty(r => r.FinishedAt, db.UtcNow)
                .SetProperty(r => r.Work.LeaseUntil, (DateTime?)null), ct);
        var run = await db.RenderRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == req.Id, ct)
                  ?? throw ApiProblem.NotFound("render run", req.Id);
        if (cancelled == 0)
            throw ApiProblem.Conflict($"The render run has already finished; its state is {run.State.WireName()}.");
        await Send.OkAsync(await RenderRunResponses.LoadAsync(db, run, ct), ct);
    }
}

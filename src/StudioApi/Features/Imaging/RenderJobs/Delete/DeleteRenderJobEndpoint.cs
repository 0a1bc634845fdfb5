using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Imaging.RenderJobs.Delete;

public sealed class DeleteRenderJobRequest
{
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class DeleteRenderJobEndpoint(StudioDbContext db) : Endpoint<DeleteRenderJobRequest>
{
    public override void Configure()
    {
        Delete("/render-jobs/{id}");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("RenderJobs", "Delete", "Move a render job to the recycle bin"));
    }

    public override async Task HandleAsync(DeleteRenderJobRequest req, CancellationToken ct)
    {
        var job = await db.RenderJobs.SingleOrDefaultAsync(o => o.Id == req.Id, ct)
                           ?? throw ApiProblem.NotFound("render job", req.Id);
        db.MatchVersion(job, req.IfMatch);
        db.SoftDelete(job);
        await db.SaveChangesAsync(ct);
        await Send.NoContentAsync(ct);
    }
}

using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Imaging.RenderJobs.Update;

public sealed class UpdateRenderJobRequest : RenderJobInput
{
    [RouteParam]
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class UpdateRenderJobValidator : Validator<UpdateRenderJobRequest>
{
    public UpdateRenderJobValidator() => Include(new RenderJobInputValidator());
}

public sealed class UpdateRenderJobEndpoint(StudioDbContext db) : Endpoint<UpdateRenderJobRequest, RenderJobResponse>
{
    public override void Configure()
    {
        Put("/render-jobs/{id}");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("RenderJobs", "Update", "Replace a render job's fields"));
    }

    public override async Task HandleAsync(UpdateRenderJobRequest req, CancellationToken ct)
    {
        var job = await db.RenderJobs.SingleOrDefaultAsync(o => o.Id == req.Id, ct)
                           ?? throw ApiProblem.NotFound("render job", req.Id);
        db.MatchVersion(job, req.IfMatch);
        await req.CheckReferencesAsync(db, ct);
        req.ApplyTo(job);
        await db.SaveOrConflictAsync("RenderJobs", "Name",
            $"A render job named {job.Name} already exists.", ct);

        HttpContext.WriteETag(job);
        await Send.OkAsync(RenderJobResponse.From(job), ct);
    }
}

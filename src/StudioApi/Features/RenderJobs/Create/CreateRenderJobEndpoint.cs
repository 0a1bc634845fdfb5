using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Api.Concurrency;
using StudioApi.Api.Idempotency;
using StudioApi.Api.OpenApi;
using StudioApi.Api.Problems;
using StudioApi.Persistence;

namespace StudioApi.Features.RenderJobs.Create;

public sealed class CreateRenderJobRequest : RenderJobInput
{
    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }
}

public sealed class CreateRenderJobValidator : Validator<CreateRenderJobRequest>
{
    public CreateRenderJobValidator() => Include(new RenderJobInputValidator());
}

public sealed class CreateRenderJobEndpoint(StudioDbContext db) : Endpoint<CreateRenderJobRequest, RenderJobResponse>
{
    public override void Configure()
    {
        Post("/render-jobs");
        Roles(Auth.Roles.FrontDesk);
        Description(d => d.Operation("RenderJobs", "Create", "Create a render job",
            "Renders a session's images when it reaches a status, then moves it on.").AcceptsIdempotencyKey());
    }

    public override async Task HandleAsync(CreateRenderJobRequest req, CancellationToken ct)
    {
        var job = new RenderJob();
        await req.CheckReferencesAsync(db, ct);
        req.ApplyTo(job);
        db.RenderJobs.Add(job);
        await db.SaveOrConflictAsync("RenderJobs", "Name",
            $"A render job named {job.Name} already exists.", ct);

        HttpContext.WriteETag(job);
        await Send.CreatedAtAsync("RenderJobs_Get", new { id = job.Id }, RenderJobResponse.From(job), cancellation: ct);
    }
}

using FastEndpoints;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Imaging.RenderJobs.Create;

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
        Roles(Platform.Auth.Roles.FrontDesk);
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

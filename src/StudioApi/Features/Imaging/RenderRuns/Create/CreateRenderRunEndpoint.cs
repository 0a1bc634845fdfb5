using FastEndpoints;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Http.Validation;
using StudioApi.Platform.Persistence;
using StudioApi.Features.Scheduling;

namespace StudioApi.Features.Imaging.RenderRuns.Create;

public sealed class CreateRenderRunRequest
{
    /// <summary>The render profile to render with.</summary>
    public long ProfileId { get; set; }

    /// <summary>The sessions whose images to render (1–500), in the order their files are numbered; or give productionOrderId instead.</summary>
    public List<long>? SessionIds { get; set; }

    /// <summary>
    /// A production order whose ordered images to render instead of sessions: each line's image cut as ordered and made at
    /// its item's print size (inches × the profile's DPI), named by the profile's pattern.
    /// </summary>
    public long? ProductionOrderId { get; set; }

    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }
}

public sealed class CreateRenderRunValidator : Validator<CreateRenderRunRequest>
{
    public CreateRenderRunValidator()
    {
        RuleFor(r => r.ProfileId).GreaterThan(0);
        RuleFor(r => r.SessionIds).NotEmpty().When(r => r.ProductionOrderId is null)
            .WithMessage("Give the sessions to render (sessionIds), or a production order (productionOrderId).");
        RuleFor(r => r.SessionIds).Empty().When(r => r.ProductionOrderId is not null)
            .WithMessage("A run renders sessions or one production order: leave sessionIds out with productionOrderId.");
        RuleFor(r => r.SessionIds).MaxItems(RenderRunLimits.MaxSessions);
        RuleForEach(r => r.SessionIds).GreaterThan(0);
        RuleFor(r => r.ProductionOrderId).GreaterThan(0);
    }
}

public sealed class CreateRenderRunEndpoint(StudioDbContext db, RecordAuthor author, RenderWorkerSignal signal, IOrderedImages ordered)
    : Endpoint<CreateRenderRunRequest, RenderRunResponse>
{
    public override void Configure()
    {
        Post("/render-runs");
        Roles(Platform.Auth.Roles.SessionStaff);
        Description(d => d
            .Produces<RenderRunResponse>(StatusCodes.Status202Accepted, "application/json")
            .Operation("RenderRuns", "Create",
                "Start a render run",
                "Renders sessions' images with a profile, or a production order's ordered images (each cut as ordered and at its "
                + "print size): answers 202 with the run to poll (Location) while a background worker renders.")
            .AcceptsIdempotencyKey());
    }

    public override async Task HandleAsync(CreateRenderRunRequest req, CancellationToken ct)
    {
        // Records the body names that do not exist are field errors (400), like every other body reference; 404 is for the URL.
        var profile = await db.RenderProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.Id == req.ProfileId, ct);
        if (profile is null)
            AddError(r => r.ProfileId, $"There is no render profile {req.ProfileId}.");
        var sessionIds = req.SessionIds ?? [];
        var known = await db.Sessions.Where(s => sessionIds.Contains(s.Id)).Select(s => s.Id).ToListAsync(ct);
        for (var i = 0; i < sessionIds.Count; i++)
            if (!known.Contains(sessionIds[i]))
                AddError(new ValidationFailure($"sessionIds[{i}]", $"There is no session {sessionIds[i]}."));
        OrderedImageSet? order = null;
        if (req.ProductionOrderId is { } orderId && (order = await ordered.FindAsync(orderId, User, ct)) is null)
            AddError(r => r.ProductionOrderId, $"There is no production order {orderId}.");
        ThrowIfAnyErrors();
        var run = order is not null
            ? await RenderRunPlanner.PlanOrderAsync(db, signal, profile!, order, author.Name, ct)
            : await RenderRunPlanner.PlanAsync(db, signal, profile!, sessionIds, ordered, author.Name, renderJobId: null, ct);

        HttpContext.Response.Headers.Location = $"/api/v1/render-runs/{run.Id}";
        await Send.ResponseAsync(RenderRunResponse.From(run, []), StatusCodes.Status202Accepted, ct);
    }
}

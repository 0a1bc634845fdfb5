using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Messaging.Triggers.Restore;

public sealed class RestoreTriggerRequest
{
    public long Id { get; set; }
}

public sealed class RestoreTriggerEndpoint(StudioDbContext db) : Endpoint<RestoreTriggerRequest, TriggerResponse>
{
    public override void Configure()
    {
        Post("/triggers/{id}/restore");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("Triggers", "Restore", "Bring a trigger back from the recycle bin",
            "An active trigger starts again from now: what happened while it was in the recycle bin does not fire it."));
    }

    public override async Task HandleAsync(RestoreTriggerRequest req, CancellationToken ct)
    {
        var trigger = await db.Triggers.IgnoreQueryFilters().SingleOrDefaultAsync(t => t.Id == req.Id && t.DeletedAt != null, ct)
                      ?? throw ApiProblem.NotFound("deleted trigger", req.Id);
        db.Restore(trigger);
        if (trigger.IsActive)
            trigger.ActivatedAt = db.UtcNow;
        await db.SaveOrConflictAsync("Triggers", "Name", $"Another trigger is now named {trigger.Name}; rename it first.", ct);
        HttpContext.WriteETag(trigger);
        await Send.OkAsync(TriggerResponse.From(trigger), ct);
    }
}

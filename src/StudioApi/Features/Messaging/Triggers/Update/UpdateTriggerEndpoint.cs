using FastEndpoints;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Messaging.Triggers.Update;

public sealed class UpdateTriggerRequest : TriggerInput
{
    [RouteParam]
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class UpdateTriggerValidator : Validator<UpdateTriggerRequest>
{
    public UpdateTriggerValidator() => Include(new TriggerInputValidator());
}

public sealed class UpdateTriggerEndpoint(StudioDbContext db) : Endpoint<UpdateTriggerRequest, TriggerResponse>
{
    public override void Configure()
    {
        Put("/triggers/{id}");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("Triggers", "Update", "Replace a trigger's fields",
            "Making it active starts it from now: it never fires for what happened while it was inactive. What it fired "
            + "stays in its history, and an occurrence fired once does not fire again after an edit."));
    }

    public override async Task HandleAsync(UpdateTriggerRequest req, CancellationToken ct)
    {
        var trigger = await db.Triggers.SingleOrDefaultAsync(t => t.Id == req.Id, ct) ?? throw ApiProblem.NotFound("trigger", req.Id);
        db.MatchVersion(trigger, req.IfMatch);
        foreach (var (field, message) in await req.FindBrokenReferencesAsync(db, ct))
            AddError(new ValidationFailure(field, message));
        ThrowIfAnyErrors();
        req.ApplyTo(trigger, db.UtcNow);
        await db.SaveOrConflictAsync("Triggers", "Name", $"A trigger named {trigger.Name} already exists.", ct);

        HttpContext.WriteETag(trigger);
        await Send.OkAsync(TriggerResponse.From(trigger), ct);
    }
}

using FastEndpoints;
using FluentValidation.Results;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Messaging.Triggers.Create;

public sealed class CreateTriggerRequest : TriggerInput
{
    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }
}

public sealed class CreateTriggerValidator : Validator<CreateTriggerRequest>
{
    public CreateTriggerValidator() => Include(new TriggerInputValidator());
}

public sealed class CreateTriggerEndpoint(StudioDbContext db) : Endpoint<CreateTriggerRequest, TriggerResponse>
{
    public override void Configure()
    {
        Post("/triggers");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("Triggers", "Create", "Create a trigger",
            "On a status change, a record's creation, or a number of days before or after its date at a studio-local time, "
            + "for the client, session or task records that meet its conditions: send e-mails, text messages or letters from "
            + "templates, make calls or tasks. It reacts only to what happens after it is made active.").AcceptsIdempotencyKey());
    }

    public override async Task HandleAsync(CreateTriggerRequest req, CancellationToken ct)
    {
        foreach (var (field, message) in await req.FindBrokenReferencesAsync(db, ct))
            AddError(new ValidationFailure(field, message));
        ThrowIfAnyErrors();
        var trigger = new Trigger();
        req.ApplyTo(trigger, db.UtcNow);
        db.Triggers.Add(trigger);
        await db.SaveOrConflictAsync("Triggers", "Name", $"A trigger named {trigger.Name} already exists.", ct);

        HttpContext.WriteETag(trigger);
        await Send.CreatedAtAsync("Triggers_Get", new { id = trigger.Id }, TriggerResponse.From(trigger), cancellation: ct);
    }
}

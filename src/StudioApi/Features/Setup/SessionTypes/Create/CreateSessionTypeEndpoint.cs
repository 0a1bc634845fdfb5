using FastEndpoints;
using FluentValidation.Results;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.SessionTypes.Create;

public sealed class CreateSessionTypeRequest : SessionTypeInput
{
    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }
}

public sealed class CreateSessionTypeValidator : Validator<CreateSessionTypeRequest>
{
    public CreateSessionTypeValidator() => Include(new SessionTypeInputValidator());
}

public sealed class CreateSessionTypeEndpoint(StudioDbContext db) : Endpoint<CreateSessionTypeRequest, SessionTypeResponse>
{
    public override void Configure()
    {
        Post("/session-types");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("SessionTypes", "Create", "Create a session type").AcceptsIdempotencyKey());
    }

    public override async Task HandleAsync(CreateSessionTypeRequest req, CancellationToken ct)
    {
        foreach (var (field, message) in await req.CheckBookingReferencesAsync(db, held: null, ct))
            AddError(new ValidationFailure(field, message));
        ThrowIfAnyErrors();
        var sessionType = new SessionType();
        req.ApplyTo(sessionType);
        db.SessionTypes.Add(sessionType);
        await db.SaveOrConflictAsync("SessionTypes", "Name",
            $"A session type named {sessionType.Name} already exists.", ct);

        HttpContext.WriteETag(sessionType);
        await Send.CreatedAtAsync("SessionTypes_Get", new { id = sessionType.Id }, SessionTypeResponse.From(sessionType), cancellation: ct);
    }
}

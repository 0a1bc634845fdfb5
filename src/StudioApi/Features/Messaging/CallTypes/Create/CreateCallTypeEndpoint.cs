using FastEndpoints;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Messaging.CallTypes.Create;

public sealed class CreateCallTypeRequest : CallTypeInput
{
    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }
}

public sealed class CreateCallTypeValidator : Validator<CreateCallTypeRequest>
{
    public CreateCallTypeValidator() => Include(new CallTypeInputValidator());
}

public sealed class CreateCallTypeEndpoint(StudioDbContext db) : Endpoint<CreateCallTypeRequest, CallTypeResponse>
{
    public override void Configure()
    {
        Post("/call-types");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("CallTypes", "Create", "Create a call type",
            "What a call is for (follow-up, order reminder…).").AcceptsIdempotencyKey());
    }

    public override async Task HandleAsync(CreateCallTypeRequest req, CancellationToken ct)
    {
        var callType = new CallType();
        req.ApplyTo(callType);
        db.CallTypes.Add(callType);
        await db.SaveOrConflictAsync("CallTypes", "Name",
            $"A call type named {callType.Name} already exists.", ct);

        HttpContext.WriteETag(callType);
        await Send.CreatedAtAsync("CallTypes_Get", new { id = callType.Id }, CallTypeResponse.From(callType), cancellation: ct);
    }
}

using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Messaging.CallTypes.Update;

public sealed class UpdateCallTypeRequest : CallTypeInput
{
    [RouteParam]
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class UpdateCallTypeValidator : Validator<UpdateCallTypeRequest>
{
    public UpdateCallTypeValidator() => Include(new CallTypeInputValidator());
}

public sealed class UpdateCallTypeEndpoint(StudioDbContext db) : Endpoint<UpdateCallTypeRequest, CallTypeResponse>
{
    public override void Configure()
    {
        Put("/call-types/{id}");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("CallTypes", "Update", "Replace a call type's fields"));
    }

    public override async Task HandleAsync(UpdateCallTypeRequest req, CancellationToken ct)
    {
        var callType = await db.CallTypes.SingleOrDefaultAsync(t => t.Id == req.Id, ct)
                       ?? throw ApiProblem.NotFound("call type", req.Id);
        db.MatchVersion(callType, req.IfMatch);
        req.ApplyTo(callType);
        await db.SaveOrConflictAsync("CallTypes", "Name",
            $"A call type named {callType.Name} already exists.", ct);

        HttpContext.WriteETag(callType);
        await Send.OkAsync(CallTypeResponse.From(callType), ct);
    }
}

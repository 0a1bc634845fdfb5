using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Messaging.CallTypes.Restore;

public sealed class RestoreCallTypeRequest
{
    public long Id { get; set; }
}

public sealed class RestoreCallTypeEndpoint(StudioDbContext db) : Endpoint<RestoreCallTypeRequest, CallTypeResponse>
{
    public override void Configure()
    {
        Post("/call-types/{id}/restore");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("CallTypes", "Restore", "Bring a call type back from the recycle bin"));
    }

    public override async Task HandleAsync(RestoreCallTypeRequest req, CancellationToken ct)
    {
        var callType = await db.CallTypes.IgnoreQueryFilters()
                           .SingleOrDefaultAsync(t => t.Id == req.Id && t.DeletedAt != null, ct)
                       ?? throw ApiProblem.NotFound("deleted call type", req.Id);
        db.Restore(callType);
        await db.SaveOrConflictAsync("CallTypes", "Name",
            $"Another call type is now named {callType.Name}; rename it first.", ct);

        HttpContext.WriteETag(callType);
        await Send.OkAsync(CallTypeResponse.From(callType), ct);
    }
}

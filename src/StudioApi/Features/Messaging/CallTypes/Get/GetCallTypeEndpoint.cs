using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Messaging.CallTypes.Get;

public sealed class GetCallTypeRequest
{
    public long Id { get; set; }
}

public sealed class GetCallTypeEndpoint(StudioDbContext db) : Endpoint<GetCallTypeRequest, CallTypeResponse>
{
    public override void Configure()
    {
        Get("/call-types/{id}");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("CallTypes", "Get", "Get a call type"));
    }

    public override async Task HandleAsync(GetCallTypeRequest req, CancellationToken ct)
    {
        var callType = await db.CallTypes.AsNoTracking().SingleOrDefaultAsync(t => t.Id == req.Id, ct)
                       ?? throw ApiProblem.NotFound("call type", req.Id);
        HttpContext.WriteETag(callType);
        await Send.OkAsync(CallTypeResponse.From(callType), ct);
    }
}

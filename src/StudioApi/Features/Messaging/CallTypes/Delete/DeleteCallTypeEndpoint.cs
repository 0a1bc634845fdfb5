using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Messaging.CallTypes.Delete;

public sealed class DeleteCallTypeRequest
{
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class DeleteCallTypeEndpoint(StudioDbContext db) : Endpoint<DeleteCallTypeRequest>
{
    public override void Configure()
    {
        Delete("/call-types/{id}");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d
            .Answers(StatusCodes.Status409Conflict, "Live calls are of this type (their count in callCount).")
            .Operation("CallTypes", "Delete",
                "Move a call type to the recycle bin",
                "Refused while live calls have it."));
    }

    public override async Task HandleAsync(DeleteCallTypeRequest req, CancellationToken ct)
    {
        var callType = await db.CallTypes.SingleOrDefaultAsync(t => t.Id == req.Id, ct)
                       ?? throw ApiProblem.NotFound("call type", req.Id);
        db.MatchVersion(callType, req.IfMatch);

        // Only live calls count: a call in the recycle bin does not keep its type alive.
        var callCount = await db.Set<Communications.Communication>().CountAsync(c => c.CallTypeId == callType.Id, ct);
        if (callCount > 0)
            throw ApiProblem.Conflict(
                $"{callCount} call(s) are of type {callType.Name}; change their type first, or make the type inactive instead.",
                new Dictionary<string, object?> { ["callCount"] = callCount });

        db.SoftDelete(callType);
        await db.SaveChangesAsync(ct);
        await Send.NoContentAsync(ct);
    }
}

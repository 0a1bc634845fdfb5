using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.SessionTypes.Delete;

public sealed class DeleteSessionTypeRequest
{
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class DeleteSessionTypeEndpoint(StudioDbContext db, ISetupRecordUses<SessionType> uses) : Endpoint<DeleteSessionTypeRequest>
{
    public override void Configure()
    {
        Delete("/session-types/{id}");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d
            .Answers(StatusCodes.Status409Conflict, "Live sessions are of this type (their count in sessionCount).")
            .Operation("SessionTypes", "Delete",
                "Move a session type to the recycle bin"));
    }

    public override async Task HandleAsync(DeleteSessionTypeRequest req, CancellationToken ct)
    {
        var sessionType = await db.SessionTypes.SingleOrDefaultAsync(t => t.Id == req.Id, ct)
                          ?? throw ApiProblem.NotFound("session type", req.Id);
        db.MatchVersion(sessionType, req.IfMatch);

        var sessionCount = await uses.CountAsync(sessionType.Id, ct);
        if (sessionCount > 0)
            throw ApiProblem.Conflict(
                $"{sessionCount} session(s) are of type {sessionType.Name}; change their type first, or make the type inactive instead.",
                new Dictionary<string, object?> { ["sessionCount"] = sessionCount });

        db.SoftDelete(sessionType);
        await db.SaveChangesAsync(ct);
        await Send.NoContentAsync(ct);
    }
}

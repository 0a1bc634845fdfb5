using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Scheduling.Sessions.Delete;

public sealed class DeleteSessionRequest
{
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class DeleteSessionEndpoint(StudioDbContext db, SessionDependents dependents) : Endpoint<DeleteSessionRequest>
{
    public override void Configure()
    {
        Delete("/sessions/{id}");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d
            .Answers(StatusCodes.Status409Conflict, "Records that hang on the session stop it from being deleted (listed in blockers).")
            .Operation("Sessions", "Delete",
                "Move a session to the recycle bin",
                "With its appointments and calendar lines; it frees its time and can be restored."));
    }

    public override async Task HandleAsync(DeleteSessionRequest req, CancellationToken ct)
    {
        var session = await db.Sessions.SingleOrDefaultAsync(s => s.Id == req.Id, ct)
                      ?? throw ApiProblem.NotFound("session", req.Id);
        db.MatchVersion(session, req.IfMatch);

        await db.InTransactionAsync(async () =>
        {
            // The row first, then what hangs on it: nothing can be added to the session in between (see SessionRows).
            // Still live once held: a delete (and purge) that committed since the read above leaves nothing to delete.
            await SessionRows.HoldLiveOrNotFoundAsync(db, session.Id, ct);
            // Looked for once held, so a payment recorded since the read cannot slip into the recycle bin with it.
            if (await dependents.FindBlockersAsync(session, ct) is { Count: > 0 } blockers)
                throw ApiProblem.Conflict("Records that hang on this session stop it from being deleted: see blockers.",
                    new Dictionary<string, object?> { ["blockers"] = blockers });
            db.SoftDelete(session);
            await dependents.DeleteAsync(session, ct);
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);
        await Send.NoContentAsync(ct);
    }
}

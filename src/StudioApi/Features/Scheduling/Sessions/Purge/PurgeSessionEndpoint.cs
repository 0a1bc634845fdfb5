using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Scheduling.Sessions.Purge;

public sealed class PurgeSessionRequest
{
    public long Id { get; set; }
}

/// <summary>
/// Erases a session for good: only from the recycle bin (deleting first is the undo window), and admin only. Its
/// appointments, calendar lines, notes, status log, images (rows and files) and everything else that exists only for it go with it.
/// </summary>
public sealed class PurgeSessionEndpoint(StudioDbContext db, SessionDependents dependents) : Endpoint<PurgeSessionRequest>
{
    public override void Configure()
    {
        Post("/sessions/{id}/purge");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("Sessions", "Purge",
            "Erase a session for good",
            "Erases a session in the recycle bin with its appointments, calendar lines, notes, status log and "
            + "images with their files. Cannot be undone."));
    }

    public override async Task HandleAsync(PurgeSessionRequest req, CancellationToken ct)
    {
        var session = await db.Sessions.IgnoreQueryFilters().SingleOrDefaultAsync(s => s.Id == req.Id && s.DeletedAt != null, ct)
                      ?? throw ApiProblem.NotFound("deleted session", req.Id);
        await db.InTransactionAsync(async () =>
        {
            // Held first, and still in the recycle bin once held: of two purges (or a purge and a restore) one goes on,
            // the other finds it gone (404) before it touches anything.
            if (!await SessionRows.HoldAsync(db, session.Id, ct)
                || !await db.Sessions.IgnoreQueryFilters().AnyAsync(s => s.Id == session.Id && s.DeletedAt != null, ct))
                throw ApiProblem.NotFound("deleted session", req.Id);
            await dependents.PurgeAsync(session, ct);
            db.Sessions.Remove(session);
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);
        await Send.NoContentAsync(ct);
    }
}

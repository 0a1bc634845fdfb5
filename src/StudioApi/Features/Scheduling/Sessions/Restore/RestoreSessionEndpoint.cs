using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Scheduling.Booking;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;

namespace StudioApi.Features.Scheduling.Sessions.Restore;

public sealed class RestoreSessionRequest
{
    public long Id { get; set; }

    /// <summary>Restore even if its time has been booked for someone else meanwhile.</summary>
    [QueryParam]
    public bool? OverrideConflicts { get; set; }
}

public sealed class RestoreSessionEndpoint(StudioDbContext db, SessionDependents dependents, StudioCalendar calendar) : Endpoint<RestoreSessionRequest, SessionResponse>
{
    public override void Configure()
    {
        Post("/sessions/{id}/restore");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("Sessions", "Restore",
            "Bring a session back from the recycle bin",
            "409 if its number or its time has been taken meanwhile."));
    }

    public override async Task HandleAsync(RestoreSessionRequest req, CancellationToken ct)
    {
        var session = await db.Sessions.IgnoreQueryFilters().Include(s => s.Status)
                          .SingleOrDefaultAsync(s => s.Id == req.Id && s.DeletedAt != null, ct)
                      ?? throw ApiProblem.NotFound("deleted session", req.Id);
        var booking = new SessionBooking(db);
        try
        {
            await db.InTransactionAsync(async () =>
            {
                // Held first, and still in the recycle bin once held: a purge that committed since the read above
                // leaves nothing to restore (404), rather than a save that finds its rows gone.
                if (!await SessionRows.HoldAsync(db, session.Id, ct)
                    || !await db.Sessions.IgnoreQueryFilters().AnyAsync(s => s.Id == session.Id && s.DeletedAt != null, ct))
                    throw ApiProblem.NotFound("deleted session", req.Id);
                // A restored session takes its time back, so it is checked like a new booking.
                await db.TakeAsync(SessionBooking.LockKeys(session), ct);
                if (req.OverrideConflicts != true && await booking.FindConflictsAsync(session, ct) is { Count: > 0 } conflicts)
                    throw SessionBooking.ConflictProblem(conflicts);
                await dependents.RestoreAsync(session, ct);
                db.Restore(session);
                await db.SaveChangesAsync(ct);
                return true;
            }, ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation("Sessions", "Number"))
        {
            throw ApiProblem.Conflict($"Another session now has number {session.Number}; renumber it first.");
        }

        HttpContext.WriteETag(session);
        await Send.OkAsync(SessionResponse.From(session, await calendar.TodayAsync(ct)), ct);
    }
}

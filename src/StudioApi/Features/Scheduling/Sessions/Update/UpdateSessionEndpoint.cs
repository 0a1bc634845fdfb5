using FastEndpoints;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Scheduling.Booking;
using StudioApi.Platform.Auth;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;

namespace StudioApi.Features.Scheduling.Sessions.Update;

public sealed class UpdateSessionRequest : SessionInput
{
    [RouteParam]
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class UpdateSessionValidator : Validator<UpdateSessionRequest>
{
    public UpdateSessionValidator() => Include(new SessionInputValidator());
}

public sealed class UpdateSessionEndpoint(StudioDbContext db, RecordAuthor author, StudioCalendar calendar) : Endpoint<UpdateSessionRequest, SessionResponse>
{
    public override void Configure()
    {
        Put("/sessions/{id}");
        // The front desk edits any session; a photographer only the sessions they shoot or assist on (checked below).
        Roles(Platform.Auth.Roles.SessionStaff);
        Description(d => d.Operation("Sessions", "Update",
            "Replace a session's fields",
            "Omit `number` to keep it. Moving it, or making it active again, checks for double bookings again. "
            + "Photographers may edit only the sessions they photograph or assist on, and cannot take themselves "
            + "off them."));
    }

    public override async Task HandleAsync(UpdateSessionRequest req, CancellationToken ct)
    {
        var booking = new SessionBooking(db);
        var session = await db.Sessions.Include(s => s.Status).SingleOrDefaultAsync(s => s.Id == req.Id, ct)
                      ?? throw ApiProblem.NotFound("session", req.Id);
        CheckPhotographerMayEdit(session, req);
        db.MatchVersion(session, req.IfMatch);
        var logged = SessionLog.Snapshot.Of(session);

        var before = BookingOf(session);
        var wanted = new Session();
        foreach (var (field, message) in await booking.CheckAsync(req, session, ct))
            AddError(new ValidationFailure(field, message));
        foreach (var (field, message) in await booking.ResolveTimesAsync(req, wanted, ct))
            AddError(new ValidationFailure(field, message));
        ThrowIfAnyErrors();

        try
        {
            await db.InTransactionAsync(async () =>
            {
                // Held first, and still live once held (see SessionRows): a delete or purge that committed since the
                // read above gets 404 here, rather than a save whose search terms and log no longer have a session.
                await SessionRows.HoldLiveOrNotFoundAsync(db, session.Id, ct);
                await db.TakeAsync(LockKeys(req), ct);
                req.ApplyTo(session);
                (session.Date, session.StartTime, session.EndTime, session.StartsAt, session.EndsAt) =
                    (wanted.Date, wanted.StartTime, wanted.EndTime, wanted.StartsAt, wanted.EndsAt);
                // Only a change to when, who or what is booked (or re-activating the session) is checked again, so
                // editing the notes of a session booked with an override does not need the override again.
                if (!req.OverrideConflicts && BookingOf(session) != before && session.OccupiesTime
                    && await booking.FindConflictsAsync(session, ct) is { Count: > 0 } conflicts)
                    throw SessionBooking.ConflictProblem(conflicts);
                // A session moved to another day is due its "change on the session date" status on the new day.
                if (session.SessionDateStatusAppliedFor is not null && session.SessionDateStatusAppliedFor != session.Date)
                    session.SessionDateStatusAppliedFor = null;
                session.ScheduleReminder();
                SessionLog.RecordChanges(db, logged, session, author.Name);
                await db.SaveChangesAsync(ct);
                return true;
            }, ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation("Sessions", "Number"))
        {
            throw SessionNumbers.Taken(session.Number);
        }

        HttpContext.WriteETag(session);
        await Send.OkAsync(SessionResponse.From(session, await calendar.TodayAsync(ct)), ct);
    }

    /// <summary>
    /// A photographer edits their own sessions only, and cannot hand one to someone else by taking themselves off
    /// it: 403, which is no leak since every staff member can read every session.
    /// </summary>
    void CheckPhotographerMayEdit(Session session, UpdateSessionRequest req)
    {
        if (User.IsInRole(Platform.Auth.Roles.Admin) || User.IsInRole(Platform.Auth.Roles.Staff))
            return;
        var me = User.UserId();
        if (session.PhotographerId != me && session.AssistantId != me)
            throw ApiProblem.Forbidden("Photographers may edit only the sessions they are photographer or assistant on.");
        if (req.PhotographerId != me && req.AssistantId != me)
            throw ApiProblem.Forbidden("A photographer cannot take themselves off a session; ask the front desk to reassign it.");
    }

    static IEnumerable<string> LockKeys(UpdateSessionRequest req) =>
        SessionBooking.LockKeys(new Session { PhotographerId = req.PhotographerId, AssistantId = req.AssistantId, ResourceId = req.ResourceId });

    static (DateTime, DateTime, long?, long?, long?, bool) BookingOf(Session s) =>
        (s.StartsAt, s.EndsAt, s.PhotographerId, s.AssistantId, s.ResourceId, s.OccupiesTime);
}

using FastEndpoints;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using StudioApi.Api.Concurrency;
using StudioApi.Api.OpenApi;
using StudioApi.Api.Problems;
using StudioApi.Persistence;
using StudioApi.Scheduling;

namespace StudioApi.Features.Sessions.Update;

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

public sealed class UpdateSessionEndpoint(StudioDbContext db) : Endpoint<UpdateSessionRequest, SessionResponse>
{
    public override void Configure()
    {
        Put("/sessions/{id}");
        // Front desk only for now; photographers updating their own sessions' flags can come with the calendar.
        Roles(Auth.Roles.FrontDesk);
        Description(d => d.Operation("Sessions", "Update",
            "Replace a session's fields (If-Match required); omit number to keep it; moving or re-activating it re-checks double bookings"));
    }

    public override async Task HandleAsync(UpdateSessionRequest req, CancellationToken ct)
    {
        var booking = new SessionBooking(db);
        var session = await db.Sessions.SingleOrDefaultAsync(s => s.Id == req.Id, ct)
                      ?? throw ApiProblem.NotFound("session", req.Id);
        db.MatchVersion(session, req.IfMatch);

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
                await db.TakeAsync(LockKeys(req), ct);
                req.ApplyTo(session);
                (session.Date, session.StartTime, session.EndTime, session.StartsAt, session.EndsAt) =
                    (wanted.Date, wanted.StartTime, wanted.EndTime, wanted.StartsAt, wanted.EndsAt);
                // Only a change to when, who or what is booked (or re-activating the session) is checked again, so
                // editing the notes of a session booked with an override does not need the override again.
                if (!req.OverrideConflicts && BookingOf(session) != before && session.OccupiesTime
                    && await booking.FindConflictsAsync(session, ct) is { Count: > 0 } conflicts)
                    throw SessionBooking.ConflictProblem(conflicts);
                await db.SaveChangesAsync(ct);
                return true;
            }, ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation("Sessions", "Number"))
        {
            throw SessionNumbers.Taken(session.Number);
        }

        HttpContext.WriteETag(session);
        await Send.OkAsync(SessionResponse.From(session), ct);
    }

    static IEnumerable<string> LockKeys(UpdateSessionRequest req) =>
        SessionBooking.LockKeys(new Session { PhotographerId = req.PhotographerId, AssistantId = req.AssistantId, ResourceId = req.ResourceId });

    static (DateTime, DateTime, long?, long?, long?, bool) BookingOf(Session s) =>
        (s.StartsAt, s.EndsAt, s.PhotographerId, s.AssistantId, s.ResourceId, s.OccupiesTime);
}

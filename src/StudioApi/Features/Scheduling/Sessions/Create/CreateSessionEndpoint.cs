using FastEndpoints;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Scheduling.Booking;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;
using StudioApi.Platform.Workflow;

namespace StudioApi.Features.Scheduling.Sessions.Create;

public sealed class CreateSessionRequest : SessionInput
{
    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }
}

public sealed class CreateSessionValidator : Validator<CreateSessionRequest>
{
    public CreateSessionValidator() => Include(new SessionInputValidator());
}

public sealed class CreateSessionEndpoint(StudioDbContext db, RecordAuthor author, StatusTransitions transitions, StudioCalendar calendar) : Endpoint<CreateSessionRequest, SessionResponse>
{
    /// <summary>How often to take the next number when other creations keep taking it first.</summary>

    public override void Configure()
    {
        Post("/sessions");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("Sessions", "Create",
                "Book a session",
                "The number is assigned unless given. A double booking of a person or resource is a 409 listing the "
                + "conflicts, unless `overrideConflicts` is true.")
            .AcceptsIdempotencyKey());
    }

    public override async Task HandleAsync(CreateSessionRequest req, CancellationToken ct)
    {
        var booking = new SessionBooking(db);
        var session = new Session();
        foreach (var (field, message) in await booking.CheckAsync(req, current: null, ct))
            AddError(new ValidationFailure(field, message));
        foreach (var (field, message) in await booking.ResolveTimesAsync(req, session, ct))
            AddError(new ValidationFailure(field, message));
        ThrowIfAnyErrors();

        req.ApplyTo(session);
        session.BookedBy = author.Name;
        session.BookedOn = db.UtcNow;
        session.ScheduleReminder();
        try
        {
            await db.InTransactionAsync(async () =>
            {
                // Locks first, then the conflict check, then the insert: one transaction per person/resource at a time.
                await db.TakeAsync(SessionBooking.LockKeys(session), ct);
                if (!req.OverrideConflicts && await booking.FindConflictsAsync(session, ct) is { Count: > 0 } conflicts)
                    throw SessionBooking.ConflictProblem(conflicts);
                db.Sessions.Add(session);
                // The session enters its workflow at the initial status, logged in this transaction.
                await transitions.StartAsync(RecordKind.Session, session, req.Number is null ? () => db.SaveNumberedAsync([session], ct) : () => db.SaveChangesAsync(ct), ct);
                SessionLog.RecordChanges(db, before: null, session, author.Name);
                await db.SaveChangesAsync(ct);
                return true;
            }, ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation("Sessions", "Number"))
        {
            throw SessionNumbers.Taken(session.Number);
        }

        await db.Entry(session).Reference(s => s.Status).LoadAsync(ct);
        HttpContext.WriteETag(session);
        await Send.CreatedAtAsync("Sessions_Get", new { id = session.Id }, SessionResponse.From(session, await calendar.TodayAsync(ct)), cancellation: ct);
    }
}

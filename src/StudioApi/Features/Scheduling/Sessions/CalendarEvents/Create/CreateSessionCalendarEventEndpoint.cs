using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Scheduling.Sessions.CalendarEvents.Create;

public sealed class CreateSessionCalendarEventRequest : SessionCalendarEventInput
{
    [RouteParam]
    public long Id { get; set; }

    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }
}

public sealed class CreateSessionCalendarEventValidator : Validator<CreateSessionCalendarEventRequest>
{
    public CreateSessionCalendarEventValidator() => Include(new SessionCalendarEventInputValidator());
}

public sealed class CreateSessionCalendarEventEndpoint(StudioDbContext db) : Endpoint<CreateSessionCalendarEventRequest, SessionCalendarEventResponse>
{
    public override void Configure()
    {
        Post("/sessions/{id}/calendar-events");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces<SessionCalendarEventResponse>(StatusCodes.Status201Created)
            .Operation("Sessions", "CreateCalendarEvent",
                    "Add a line to a session's calendar",
                    "Another day, time, staff or resource for the session. A double booking is a 409 listing the "
                    + "conflicts, unless `overrideConflicts` is true.")
                .AcceptsIdempotencyKey());
    }

    public override async Task HandleAsync(CreateSessionCalendarEventRequest req, CancellationToken ct)
    {
        var session = await SessionCalendarEventEndpoints.SessionAsync(db, req.Id, ct);
        if (await db.SessionCalendarEvents.CountAsync(e => e.SessionId == session.Id, ct) >= SessionCalendarEventEndpoints.MaxLines)
            throw ApiProblem.RuleBroken($"A session has at most {SessionCalendarEventEndpoints.MaxLines} extra calendar lines.");
        var (time, errors) = await req.CheckAsync(db, current: null, ct);
        errors.ForEach(AddError);
        ThrowIfAnyErrors();

        var line = new SessionCalendarEvent { SessionId = session.Id };
        await SessionCalendarEventEndpoints.SaveAsync(db, session, req, () =>
        {
            req.ApplyTo(line, time!.Value);
            db.SessionCalendarEvents.Add(line);
            return line;
        }, () => !req.OverrideConflicts, ct);

        HttpContext.WriteETag(line);
        await Send.CreatedAtAsync("Sessions_ListCalendarEvents", new { id = session.Id }, SessionCalendarEventResponse.From(line), cancellation: ct);
    }
}

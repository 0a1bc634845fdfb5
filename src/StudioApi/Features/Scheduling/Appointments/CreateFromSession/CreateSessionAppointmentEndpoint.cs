using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Scheduling.Appointments.Create;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Scheduling.Appointments.CreateFromSession;

public sealed class CreateSessionAppointmentRequest : AppointmentInput
{
    /// <summary>The session the appointment is made from.</summary>
    [RouteParam]
    public long Id { get; set; }

    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }
}

public sealed class CreateSessionAppointmentValidator : Validator<CreateSessionAppointmentRequest>
{
    public CreateSessionAppointmentValidator() => Include(new AppointmentInputValidator());
}

public sealed class CreateSessionAppointmentEndpoint(StudioDbContext db) : Endpoint<CreateSessionAppointmentRequest, AppointmentResponse>
{
    public override void Configure()
    {
        Post("/sessions/{id}/appointments");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("Appointments", "CreateFromSession",
                "Book an appointment for a session",
                "An appointment linked to a session (its viewing, say); the client defaults to the session's. A "
                + "double booking is a 409 listing the conflicts, unless `overrideConflicts` is true.")
            .AcceptsIdempotencyKey());
    }

    public override async Task HandleAsync(CreateSessionAppointmentRequest req, CancellationToken ct)
    {
        var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == req.Id, ct)
                      ?? throw ApiProblem.NotFound("session", req.Id);
        req.ClientId ??= session.ClientId;
        var (time, errors) = await AppointmentWriter.CheckAsync(db, req, current: null, ct);
        errors.ForEach(AddError);
        ThrowIfAnyErrors();
        var appointment = await AppointmentWriter.CreateAsync(db, req, time!.Value, session.Id, ct);
        HttpContext.WriteETag(appointment);
        await Send.CreatedAtAsync("Appointments_Get", new { id = appointment.Id }, AppointmentResponse.From(appointment), cancellation: ct);
    }
}

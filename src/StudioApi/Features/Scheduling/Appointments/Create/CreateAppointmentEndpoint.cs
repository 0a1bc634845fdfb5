using FastEndpoints;
using StudioApi.Features.Scheduling.Booking;
using StudioApi.Features.Scheduling.Sessions;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Scheduling.Appointments.Create;

public sealed class CreateAppointmentRequest : AppointmentInput
{
    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }
}

public sealed class CreateAppointmentValidator : Validator<CreateAppointmentRequest>
{
    public CreateAppointmentValidator() => Include(new AppointmentInputValidator());
}

public sealed class CreateAppointmentEndpoint(StudioDbContext db) : Endpoint<CreateAppointmentRequest, AppointmentResponse>
{
    public override void Configure()
    {
        Post("/appointments");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("Appointments", "Create",
                "Book an appointment",
                "An appointment that is not a session: a consultation, a sales appointment. A double booking of a "
                + "person or resource is a 409 listing the conflicts, unless `overrideConflicts` is true.")
            .AcceptsIdempotencyKey());
    }

    public override async Task HandleAsync(CreateAppointmentRequest req, CancellationToken ct)
    {
        var (time, errors) = await AppointmentWriter.CheckAsync(db, req, current: null, ct);
        errors.ForEach(AddError);
        ThrowIfAnyErrors();
        var appointment = await AppointmentWriter.CreateAsync(db, req, time!.Value, sessionId: null, ct);
        HttpContext.WriteETag(appointment);
        await Send.CreatedAtAsync("Appointments_Get", new { id = appointment.Id }, AppointmentResponse.From(appointment), cancellation: ct);
    }
}

/// <summary>Checking and creating an appointment, on its own or from a session.</summary>
public static class AppointmentWriter
{
    /// <summary>The appointment's resolved time, or the field errors of its times and references.</summary>
    public static async Task<(BookedTime? Time, List<FluentValidation.Results.ValidationFailure> Errors)> CheckAsync(
        StudioDbContext db, AppointmentInput input, Appointment? current, CancellationToken ct)
    {
        var errors = await AppointmentBooking.CheckAsync(db, input, current, ct);
        var (time, timeErrors) = await BookedTime.ResolveAsync(db, input.Date, input.StartTime, input.EndTime, ct);
        errors.AddRange(timeErrors);
        return (time, errors);
    }

    public static async Task<Appointment> CreateAsync(StudioDbContext db, AppointmentInput input, BookedTime time, long? sessionId, CancellationToken ct)
    {
        var appointment = new Appointment { SessionId = sessionId };
        await db.InTransactionAsync(async () =>
        {
            // Made from a session: the session must still be live when it is saved (see SessionRows).
            if (sessionId is { } id)
                await SessionRows.HoldLiveOrNotFoundAsync(db, id, ct);
            await AppointmentBooking.SaveAsync(db, input.UserIds ?? [], input.ResourceId, () =>
            {
                input.ApplyTo(appointment, time);
                db.Appointments.Add(appointment);
                return appointment;
            }, () => !input.OverrideConflicts, ct);
            return true;
        }, ct);
        return appointment;
    }
}

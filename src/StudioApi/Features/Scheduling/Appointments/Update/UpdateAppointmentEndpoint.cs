using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Scheduling.Appointments.Create;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Scheduling.Appointments.Update;

public sealed class UpdateAppointmentRequest : AppointmentInput
{
    [RouteParam]
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class UpdateAppointmentValidator : Validator<UpdateAppointmentRequest>
{
    public UpdateAppointmentValidator() => Include(new AppointmentInputValidator());
}

public sealed class UpdateAppointmentEndpoint(StudioDbContext db) : Endpoint<UpdateAppointmentRequest, AppointmentResponse>
{
    public override void Configure()
    {
        Put("/appointments/{id}");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("Appointments", "Update",
            "Replace an appointment's fields",
            "Moving it, or making it active again, checks for double bookings again."));
    }

    public override async Task HandleAsync(UpdateAppointmentRequest req, CancellationToken ct)
    {
        var appointment = await db.Appointments.SingleOrDefaultAsync(a => a.Id == req.Id, ct)
                          ?? throw ApiProblem.NotFound("appointment", req.Id);
        db.MatchVersion(appointment, req.IfMatch);
        var (time, errors) = await AppointmentWriter.CheckAsync(db, req, appointment, ct);
        errors.ForEach(AddError);
        ThrowIfAnyErrors();

        var before = BookingOf(appointment);
        var check = !req.OverrideConflicts;
        await AppointmentBooking.SaveAsync(db, req.UserIds ?? [], req.ResourceId, () =>
        {
            req.ApplyTo(appointment, time!.Value);
            // Only a change to when, who or what is booked (or re-activating it) is checked again, so editing the
            // notes of an appointment booked with an override does not need the override again.
            check &= BookingOf(appointment) != before;
            return appointment;
        }, () => check, ct);

        HttpContext.WriteETag(appointment);
        await Send.OkAsync(AppointmentResponse.From(appointment), ct);
    }

    static string BookingOf(Appointment a) =>
        $"{a.StartsAt:O}|{a.EndsAt:O}|{string.Join(",", a.Staff.Select(s => s.UserId).Order())}|{a.ResourceId}|{a.Cancelled}";
}

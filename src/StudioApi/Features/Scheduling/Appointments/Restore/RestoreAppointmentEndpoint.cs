using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Scheduling.Appointments.Restore;

public sealed class RestoreAppointmentRequest
{
    public long Id { get; set; }

    /// <summary>Restore even if its time has been booked for someone else meanwhile.</summary>
    [QueryParam]
    public bool? OverrideConflicts { get; set; }
}

public sealed class RestoreAppointmentEndpoint(StudioDbContext db) : Endpoint<RestoreAppointmentRequest, AppointmentResponse>
{
    public override void Configure()
    {
        Post("/appointments/{id}/restore");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("Appointments", "Restore",
            "Bring an appointment back from the recycle bin",
            "409 if its time has been taken meanwhile."));
    }

    public override async Task HandleAsync(RestoreAppointmentRequest req, CancellationToken ct)
    {
        var appointment = await db.Appointments.IgnoreQueryFilters()
                              .SingleOrDefaultAsync(a => a.Id == req.Id && a.DeletedAt != null, ct)
                          ?? throw ApiProblem.NotFound("deleted appointment", req.Id);
        // A restored appointment takes its time back, so it is checked like a new booking.
        await AppointmentBooking.SaveAsync(db, appointment.Staff.Select(s => s.UserId), appointment.ResourceId, () =>
        {
            db.Restore(appointment);
            return appointment;
        }, () => req.OverrideConflicts != true, ct);
        HttpContext.WriteETag(appointment);
        await Send.OkAsync(AppointmentResponse.From(appointment), ct);
    }
}

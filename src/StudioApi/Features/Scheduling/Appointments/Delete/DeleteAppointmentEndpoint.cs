using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Scheduling.Appointments.Delete;

public sealed class DeleteAppointmentRequest
{
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class DeleteAppointmentEndpoint(StudioDbContext db) : Endpoint<DeleteAppointmentRequest>
{
    public override void Configure()
    {
        Delete("/appointments/{id}");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("Appointments", "Delete",
            "Move an appointment to the recycle bin",
            "It frees its time and can be restored."));
    }

    public override async Task HandleAsync(DeleteAppointmentRequest req, CancellationToken ct)
    {
        var appointment = await db.Appointments.SingleOrDefaultAsync(a => a.Id == req.Id, ct)
                          ?? throw ApiProblem.NotFound("appointment", req.Id);
        db.MatchVersion(appointment, req.IfMatch);
        db.SoftDelete(appointment);
        await db.SaveChangesAsync(ct);
        await Send.NoContentAsync(ct);
    }
}

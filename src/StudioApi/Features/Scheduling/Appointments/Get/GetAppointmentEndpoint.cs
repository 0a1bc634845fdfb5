using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Scheduling.Appointments.Get;

public sealed class GetAppointmentRequest
{
    public long Id { get; set; }
}

public sealed class GetAppointmentEndpoint(StudioDbContext db) : Endpoint<GetAppointmentRequest, AppointmentResponse>
{
    public override void Configure()
    {
        Get("/appointments/{id}");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Appointments", "Get", "Get an appointment"));
    }

    public override async Task HandleAsync(GetAppointmentRequest req, CancellationToken ct)
    {
        var appointment = await db.Appointments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == req.Id, ct)
                          ?? throw ApiProblem.NotFound("appointment", req.Id);
        HttpContext.WriteETag(appointment);
        await Send.OkAsync(AppointmentResponse.From(appointment), ct);
    }
}

using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;

namespace StudioApi.Features.Scheduling.Sessions.Get;

public sealed class GetSessionRequest
{
    public long Id { get; set; }
}

public sealed class GetSessionEndpoint(StudioDbContext db, StudioCalendar calendar) : Endpoint<GetSessionRequest, SessionResponse>
{
    public override void Configure()
    {
        Get("/sessions/{id}");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Sessions", "Get", "Get a session"));
    }

    public override async Task HandleAsync(GetSessionRequest req, CancellationToken ct)
    {
        var session = await db.Sessions.AsNoTracking().Include(s => s.Status).SingleOrDefaultAsync(s => s.Id == req.Id, ct)
                      ?? throw ApiProblem.NotFound("session", req.Id);
        HttpContext.WriteETag(session);
        await Send.OkAsync(SessionResponse.From(session, await calendar.TodayAsync(ct)), ct);
    }
}

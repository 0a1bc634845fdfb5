using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;

namespace StudioApi.Features.Messaging.Communications.Get;

public sealed class GetCommunicationRequest
{
    public long Id { get; set; }
}

public sealed class GetCommunicationEndpoint(StudioDbContext db, StudioCalendar calendar) : Endpoint<GetCommunicationRequest, CommunicationResponse>
{
    public override void Configure()
    {
        Get("/communications/{id}");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Communications", "Get", "Get a communication",
            "With its delivery: state, attempts, the last error and the next attempt, the message and provider ids."));
    }

    public override async Task HandleAsync(GetCommunicationRequest req, CancellationToken ct)
    {
        var communication = await db.Communications.AsNoTracking().Include(c => c.Status).SingleOrDefaultAsync(c => c.Id == req.Id, ct)
                            ?? throw ApiProblem.NotFound("communication", req.Id);
        HttpContext.WriteETag(communication);
        await Send.OkAsync(CommunicationResponse.From(communication, await calendar.TodayAsync(ct)), ct);
    }
}

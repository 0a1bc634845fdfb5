using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.SessionTypes.Get;

public sealed class GetSessionTypeRequest
{
    public long Id { get; set; }
}

public sealed class GetSessionTypeEndpoint(StudioDbContext db) : Endpoint<GetSessionTypeRequest, SessionTypeResponse>
{
    public override void Configure()
    {
        Get("/session-types/{id}");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("SessionTypes", "Get", "Get a session type"));
    }

    public override async Task HandleAsync(GetSessionTypeRequest req, CancellationToken ct)
    {
        var sessionType = await db.SessionTypes.AsNoTracking().SingleOrDefaultAsync(t => t.Id == req.Id, ct)
                          ?? throw ApiProblem.NotFound("session type", req.Id);
        HttpContext.WriteETag(sessionType);
        await Send.OkAsync(SessionTypeResponse.From(sessionType), ct);
    }
}

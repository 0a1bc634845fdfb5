using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.SessionTypes.Restore;

public sealed class RestoreSessionTypeRequest
{
    public long Id { get; set; }
}

public sealed class RestoreSessionTypeEndpoint(StudioDbContext db) : Endpoint<RestoreSessionTypeRequest, SessionTypeResponse>
{
    public override void Configure()
    {
        Post("/session-types/{id}/restore");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("SessionTypes", "Restore", "Bring a session type back from the recycle bin"));
    }

    public override async Task HandleAsync(RestoreSessionTypeRequest req, CancellationToken ct)
    {
        var sessionType = await db.SessionTypes.IgnoreQueryFilters()
                              .SingleOrDefaultAsync(t => t.Id == req.Id && t.DeletedAt != null, ct)
                          ?? throw ApiProblem.NotFound("deleted session type", req.Id);
        db.Restore(sessionType);
        await db.SaveOrConflictAsync("SessionTypes", "Name",
            $"Another session type is now named {sessionType.Name}; rename it first.", ct);

        HttpContext.WriteETag(sessionType);
        await Send.OkAsync(SessionTypeResponse.From(sessionType), ct);
    }
}

using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Messaging.Triggers.Get;

public sealed class GetTriggerRequest
{
    public long Id { get; set; }
}

public sealed class GetTriggerEndpoint(StudioDbContext db) : Endpoint<GetTriggerRequest, TriggerResponse>
{
    public override void Configure()
    {
        Get("/triggers/{id}");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Triggers", "Get", "Get a trigger"));
    }

    public override async Task HandleAsync(GetTriggerRequest req, CancellationToken ct)
    {
        var trigger = await db.Triggers.AsNoTracking().SingleOrDefaultAsync(t => t.Id == req.Id, ct) ?? throw ApiProblem.NotFound("trigger", req.Id);
        HttpContext.WriteETag(trigger);
        await Send.OkAsync(TriggerResponse.From(trigger), ct);
    }
}

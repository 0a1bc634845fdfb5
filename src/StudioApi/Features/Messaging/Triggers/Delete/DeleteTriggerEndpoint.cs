using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Messaging.Triggers.Delete;

public sealed class DeleteTriggerRequest
{
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class DeleteTriggerEndpoint(StudioDbContext db) : Endpoint<DeleteTriggerRequest>
{
    public override void Configure()
    {
        Delete("/triggers/{id}");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("Triggers", "Delete", "Move a trigger to the recycle bin", "It stops firing; its history is kept."));
    }

    public override async Task HandleAsync(DeleteTriggerRequest req, CancellationToken ct)
    {
        var trigger = await db.Triggers.SingleOrDefaultAsync(t => t.Id == req.Id, ct) ?? throw ApiProblem.NotFound("trigger", req.Id);
        db.MatchVersion(trigger, req.IfMatch);
        db.SoftDelete(trigger);
        await db.SaveChangesAsync(ct);
        await Send.NoContentAsync(ct);
    }
}

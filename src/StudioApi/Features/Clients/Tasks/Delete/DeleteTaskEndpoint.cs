using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Clients.Tasks.Delete;

public sealed class DeleteTaskRequest
{
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class DeleteTaskEndpoint(StudioDbContext db) : Endpoint<DeleteTaskRequest>
{
    public override void Configure()
    {
        Delete("/tasks/{id}");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Tasks", "Delete", "Move a task to the recycle bin",
            "Its notes stay with it."));
    }

    public override async Task HandleAsync(DeleteTaskRequest req, CancellationToken ct)
    {
        var task = await db.Tasks.SingleOrDefaultAsync(t => t.Id == req.Id, ct)
                   ?? throw ApiProblem.NotFound("task", req.Id);
        db.MatchVersion(task, req.IfMatch);
        db.SoftDelete(task);
        await db.SaveChangesAsync(ct);
        await Send.NoContentAsync(ct);
    }
}

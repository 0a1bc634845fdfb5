using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.TaskTypes.Restore;

public sealed class RestoreTaskTypeRequest
{
    public long Id { get; set; }
}

public sealed class RestoreTaskTypeEndpoint(StudioDbContext db) : Endpoint<RestoreTaskTypeRequest, TaskTypeResponse>
{
    public override void Configure()
    {
        Post("/task-types/{id}/restore");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("TaskTypes", "Restore", "Bring a task type back from the recycle bin"));
    }

    public override async Task HandleAsync(RestoreTaskTypeRequest req, CancellationToken ct)
    {
        var taskType = await db.TaskTypes.IgnoreQueryFilters()
                           .SingleOrDefaultAsync(t => t.Id == req.Id && t.DeletedAt != null, ct)
                       ?? throw ApiProblem.NotFound("deleted task type", req.Id);
        db.Restore(taskType);
        await db.SaveOrConflictAsync("TaskTypes", "Name",
            $"Another task type is now named {taskType.Name}; rename it first.", ct);

        HttpContext.WriteETag(taskType);
        await Send.OkAsync(TaskTypeResponse.From(taskType), ct);
    }
}

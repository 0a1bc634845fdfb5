using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;
using StudioApi.Features.Setup;

namespace StudioApi.Features.Clients.Tasks.Restore;

public sealed class RestoreTaskRequest
{
    public long Id { get; set; }
}

public sealed class RestoreTaskEndpoint(StudioDbContext db, StudioCalendar calendar) : Endpoint<RestoreTaskRequest, TaskResponse>
{
    public override void Configure()
    {
        Post("/tasks/{id}/restore");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Tasks", "Restore", "Bring a task back from the recycle bin",
            "Refused while its type is in the recycle bin."));
    }

    public override async Task HandleAsync(RestoreTaskRequest req, CancellationToken ct)
    {
        var task = await db.Tasks.IgnoreQueryFilters().Include(t => t.Status)
                       .SingleOrDefaultAsync(t => t.Id == req.Id && t.DeletedAt != null, ct)
                   ?? throw ApiProblem.NotFound("deleted task", req.Id);
        // A task in the recycle bin does not keep its type alive, so the type may have been deleted meanwhile.
        // Restoring the task then would leave a live task of a deleted type.
        if (!await db.TaskTypes.AnyAsync(t => t.Id == task.TaskTypeId, ct))
            throw ApiProblem.Conflict(
                $"The task's type {task.TaskTypeId} is in the recycle bin; restore the type first.",
                new Dictionary<string, object?> { ["taskTypeId"] = task.TaskTypeId });

        db.Restore(task);
        await db.SaveChangesAsync(ct);

        HttpContext.WriteETag(task);
        await Send.OkAsync(TaskResponse.From(task, await calendar.TodayAsync(ct)), ct);
    }
}

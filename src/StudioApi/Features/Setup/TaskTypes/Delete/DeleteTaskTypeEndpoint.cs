using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.TaskTypes.Delete;

public sealed class DeleteTaskTypeRequest
{
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class DeleteTaskTypeEndpoint(StudioDbContext db, ISetupRecordUses<TaskType> uses) : Endpoint<DeleteTaskTypeRequest>
{
    public override void Configure()
    {
        Delete("/task-types/{id}");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d
            .Answers(StatusCodes.Status409Conflict, "Live tasks are of this type (their count in taskCount).")
            .Operation("TaskTypes", "Delete",
                "Move a task type to the recycle bin",
                "Refused while live tasks have it."));
    }

    public override async Task HandleAsync(DeleteTaskTypeRequest req, CancellationToken ct)
    {
        var taskType = await db.TaskTypes.SingleOrDefaultAsync(t => t.Id == req.Id, ct)
                       ?? throw ApiProblem.NotFound("task type", req.Id);
        db.MatchVersion(taskType, req.IfMatch);

        // Only live tasks count: a task in the recycle bin does not keep its type alive.
        var taskCount = await uses.CountAsync(taskType.Id, ct);
        if (taskCount > 0)
            throw ApiProblem.Conflict(
                $"{taskCount} task(s) are of type {taskType.Name}; change their type first, or make the type inactive instead.",
                new Dictionary<string, object?> { ["taskCount"] = taskCount });

        db.SoftDelete(taskType);
        await db.SaveChangesAsync(ct);
        await Send.NoContentAsync(ct);
    }
}

using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.TaskTypes.Update;

public sealed class UpdateTaskTypeRequest : TaskTypeInput
{
    [RouteParam]
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class UpdateTaskTypeValidator : Validator<UpdateTaskTypeRequest>
{
    public UpdateTaskTypeValidator() => Include(new TaskTypeInputValidator());
}

public sealed class UpdateTaskTypeEndpoint(StudioDbContext db) : Endpoint<UpdateTaskTypeRequest, TaskTypeResponse>
{
    public override void Configure()
    {
        Put("/task-types/{id}");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("TaskTypes", "Update", "Replace a task type's fields"));
    }

    public override async Task HandleAsync(UpdateTaskTypeRequest req, CancellationToken ct)
    {
        var taskType = await db.TaskTypes.SingleOrDefaultAsync(t => t.Id == req.Id, ct)
                       ?? throw ApiProblem.NotFound("task type", req.Id);
        db.MatchVersion(taskType, req.IfMatch);
        req.ApplyTo(taskType);
        await db.SaveOrConflictAsync("TaskTypes", "Name",
            $"A task type named {taskType.Name} already exists.", ct);

        HttpContext.WriteETag(taskType);
        await Send.OkAsync(TaskTypeResponse.From(taskType), ct);
    }
}

using FastEndpoints;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.TaskTypes.Create;

public sealed class CreateTaskTypeRequest : TaskTypeInput
{
    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }
}

public sealed class CreateTaskTypeValidator : Validator<CreateTaskTypeRequest>
{
    public CreateTaskTypeValidator() => Include(new TaskTypeInputValidator());
}

public sealed class CreateTaskTypeEndpoint(StudioDbContext db) : Endpoint<CreateTaskTypeRequest, TaskTypeResponse>
{
    public override void Configure()
    {
        Post("/task-types");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("TaskTypes", "Create", "Create a task type",
            "A kind of task (customer-service ticket).").AcceptsIdempotencyKey());
    }

    public override async Task HandleAsync(CreateTaskTypeRequest req, CancellationToken ct)
    {
        var taskType = new TaskType();
        req.ApplyTo(taskType);
        db.TaskTypes.Add(taskType);
        await db.SaveOrConflictAsync("TaskTypes", "Name",
            $"A task type named {taskType.Name} already exists.", ct);

        HttpContext.WriteETag(taskType);
        await Send.CreatedAtAsync("TaskTypes_Get", new { id = taskType.Id }, TaskTypeResponse.From(taskType), cancellation: ct);
    }
}

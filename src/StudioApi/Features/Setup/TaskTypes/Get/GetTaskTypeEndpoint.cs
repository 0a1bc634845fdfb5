using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Setup.TaskTypes.Get;

public sealed class GetTaskTypeRequest
{
    public long Id { get; set; }
}

public sealed class GetTaskTypeEndpoint(StudioDbContext db) : Endpoint<GetTaskTypeRequest, TaskTypeResponse>
{
    public override void Configure()
    {
        Get("/task-types/{id}");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("TaskTypes", "Get", "Get a task type"));
    }

    public override async Task HandleAsync(GetTaskTypeRequest req, CancellationToken ct)
    {
        var taskType = await db.TaskTypes.AsNoTracking().SingleOrDefaultAsync(t => t.Id == req.Id, ct)
                       ?? throw ApiProblem.NotFound("task type", req.Id);
        HttpContext.WriteETag(taskType);
        await Send.OkAsync(TaskTypeResponse.From(taskType), ct);
    }
}

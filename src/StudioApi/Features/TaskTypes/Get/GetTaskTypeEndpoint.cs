using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Api.Concurrency;
using StudioApi.Api.OpenApi;
using StudioApi.Api.Problems;
using StudioApi.Persistence;

namespace StudioApi.Features.TaskTypes.Get;

public sealed class GetTaskTypeRequest
{
    public long Id { get; set; }
}

public sealed class GetTaskTypeEndpoint(StudioDbContext db) : Endpoint<GetTaskTypeRequest, TaskTypeResponse>
{
    public override void Configure()
    {
        Get("/task-types/{id}");
        Roles(Auth.Roles.AnyStaff);
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

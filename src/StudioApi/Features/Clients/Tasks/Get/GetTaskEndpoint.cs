using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;

namespace StudioApi.Features.Clients.Tasks.Get;

public sealed class GetTaskRequest
{
    public long Id { get; set; }
}

public sealed class GetTaskEndpoint(StudioDbContext db, StudioCalendar calendar) : Endpoint<GetTaskRequest, TaskResponse>
{
    public override void Configure()
    {
        Get("/tasks/{id}");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Tasks", "Get", "Get a task"));
    }

    public override async Task HandleAsync(GetTaskRequest req, CancellationToken ct)
    {
        var task = await db.Tasks.AsNoTracking().Include(t => t.Status).SingleOrDefaultAsync(t => t.Id == req.Id, ct)
                   ?? throw ApiProblem.NotFound("task", req.Id);
        HttpContext.WriteETag(task);
        await Send.OkAsync(TaskResponse.From(task, await calendar.TodayAsync(ct)), ct);
    }
}

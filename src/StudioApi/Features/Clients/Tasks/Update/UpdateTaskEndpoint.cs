using FastEndpoints;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;

namespace StudioApi.Features.Clients.Tasks.Update;

public sealed class UpdateTaskRequest : TaskInput
{
    [RouteParam]
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class UpdateTaskValidator : Validator<UpdateTaskRequest>
{
    public UpdateTaskValidator() => Include(new TaskInputValidator());
}

public sealed class UpdateTaskEndpoint(StudioDbContext db, StudioCalendar calendar) : Endpoint<UpdateTaskRequest, TaskResponse>
{
    public override void Configure()
    {
        Put("/tasks/{id}");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Tasks", "Update", "Replace a task's fields"));
    }

    public override async Task HandleAsync(UpdateTaskRequest req, CancellationToken ct)
    {
        var task = await db.Tasks.Include(t => t.Status).SingleOrDefaultAsync(t => t.Id == req.Id, ct)
                   ?? throw ApiProblem.NotFound("task", req.Id);
        db.MatchVersion(task, req.IfMatch);
        foreach (var (field, message) in await req.FindBrokenReferencesAsync(db, task, ct))
            AddError(new ValidationFailure(field, message));
        ThrowIfAnyErrors();

        req.ApplyTo(task);
        await db.SaveChangesAsync(ct);

        HttpContext.WriteETag(task);
        await Send.OkAsync(TaskResponse.From(task, await calendar.TodayAsync(ct)), ct);
    }
}

using FastEndpoints;
using FluentValidation.Results;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;
using StudioApi.Platform.Workflow;

namespace StudioApi.Features.Clients.Tasks.Create;

public sealed class CreateTaskRequest : TaskInput
{
    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }
}

public sealed class CreateTaskValidator : Validator<CreateTaskRequest>
{
    public CreateTaskValidator() => Include(new TaskInputValidator());
}

public sealed class CreateTaskEndpoint(StudioDbContext db, StatusTransitions transitions, StudioCalendar calendar) : Endpoint<CreateTaskRequest, TaskResponse>
{
    public override void Configure()
    {
        Post("/tasks");
        // Every staff member can raise a ticket: the front desk on a call, a photographer after a session, sales at the kiosk.
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Tasks", "Create", "Raise a task (customer-service ticket)").AcceptsIdempotencyKey());
    }

    public override async Task HandleAsync(CreateTaskRequest req, CancellationToken ct)
    {
        foreach (var (field, message) in await req.FindBrokenReferencesAsync(db, current: null, ct))
            AddError(new ValidationFailure(field, message));
        ThrowIfAnyErrors();

        var task = new StudioTask();
        req.ApplyTo(task);
        db.Tasks.Add(task);
        await transitions.StartAsync(RecordKind.Task, task, () => db.SaveChangesAsync(ct), ct);
        await db.Entry(task).Reference(t => t.Status).LoadAsync(ct);

        HttpContext.WriteETag(task);
        await Send.CreatedAtAsync("Tasks_Get", new { id = task.Id }, TaskResponse.From(task, await calendar.TodayAsync(ct)), cancellation: ct);
    }
}

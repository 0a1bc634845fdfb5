using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Api.Idempotency;
using StudioApi.Api.OpenApi;
using StudioApi.Api.Problems;
using StudioApi.Persistence;

namespace StudioApi.Features.Tasks.AddNote;

public sealed class AddTaskNoteRequest
{
    public long Id { get; set; }

    public string Text { get; set; } = "";

    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }
}

public sealed class AddTaskNoteValidator : Validator<AddTaskNoteRequest>
{
    public AddTaskNoteValidator() => RuleFor(r => r.Text).NotEmpty().MaximumLength(4000);
}

public sealed class AddTaskNoteEndpoint(StudioDbContext db, RecordAuthor author) : Endpoint<AddTaskNoteRequest, TaskNoteResponse>
{
    public override void Configure()
    {
        Post("/tasks/{id}/notes");
        Roles(Auth.Roles.AnyStaff);
        Description(d => d.Operation("Tasks", "AddNote", "Add an entry to a task's notes log, stamped with its author and time")
            .AcceptsIdempotencyKey());
    }

    public override async Task HandleAsync(AddTaskNoteRequest req, CancellationToken ct)
    {
        if (!await db.Tasks.AnyAsync(t => t.Id == req.Id, ct))
            throw ApiProblem.NotFound("task", req.Id);

        // The log is append-only and separate from the task: adding to it does not change the task's version.
        var note = new TaskNote { TaskId = req.Id, Text = req.Text.Trim(), Author = author.Name, CreatedAt = db.UtcNow };
        db.TaskNotes.Add(note);
        await db.SaveChangesAsync(ct);

        await Send.CreatedAtAsync("Tasks_ListNotes", new { id = req.Id }, TaskNoteResponse.From(note), cancellation: ct);
    }
}

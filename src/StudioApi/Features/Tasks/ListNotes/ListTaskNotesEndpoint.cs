using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Api.OpenApi;
using StudioApi.Api.Paging;
using StudioApi.Api.Problems;
using StudioApi.Persistence;

namespace StudioApi.Features.Tasks.ListNotes;

public sealed class ListTaskNotesRequest : ListRequest
{
    public long Id { get; set; }
}

public sealed class ListTaskNotesValidator() : ListRequestValidator<ListTaskNotesRequest, TaskNote>(ListTaskNotesEndpoint.SortKeys);

public sealed class ListTaskNotesEndpoint(StudioDbContext db) : Endpoint<ListTaskNotesRequest, Page<TaskNoteResponse>>
{
    /// <summary>A log reads newest first.</summary>
    internal static readonly SortKeys<TaskNote> SortKeys = new SortKeys<TaskNote>("-createdAt")
        .Add("createdAt", n => n.CreatedAt);

    public override void Configure()
    {
        Get("/tasks/{id}/notes");
        Roles(Auth.Roles.AnyStaff);
        Description(d => d.Operation("Tasks", "ListNotes", "List a task's notes log, newest first"));
    }

    public override async Task HandleAsync(ListTaskNotesRequest req, CancellationToken ct)
    {
        if (!await db.Tasks.AnyAsync(t => t.Id == req.Id, ct))
            throw ApiProblem.NotFound("task", req.Id);

        var notes = db.TaskNotes.AsNoTracking().Where(n => n.TaskId == req.Id);
        await Send.OkAsync(await notes.ToPageAsync(req, SortKeys, TaskNoteResponse.From, ct), ct);
    }
}

using StudioApi.Features.Clients.Notes;
using StudioApi.Platform.Workflow;


namespace StudioApi.Features.Clients.Tasks.Notes;

// The task notes log: the shared notes endpoints, named for tasks.

public sealed class AddTaskNoteEndpoint : AddRecordNoteEndpoint
{
    protected override RecordKind Kind => RecordKind.Task;
    protected override string Tag => "Tasks";
}

public sealed class ListTaskNotesEndpoint : ListRecordNotesEndpoint
{
    protected override RecordKind Kind => RecordKind.Task;
    protected override string Tag => "Tasks";
}

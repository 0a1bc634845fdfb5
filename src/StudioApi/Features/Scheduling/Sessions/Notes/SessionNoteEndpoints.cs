using StudioApi.Features.Clients.Notes;
using StudioApi.Platform.Workflow;


namespace StudioApi.Features.Scheduling.Sessions.Notes;

// The session notes log: the shared notes endpoints, named for sessions.

public sealed class AddSessionNoteEndpoint : AddRecordNoteEndpoint
{
    protected override RecordKind Kind => RecordKind.Session;
    protected override string Tag => "Sessions";
}

public sealed class ListSessionNotesEndpoint : ListRecordNotesEndpoint
{
    protected override RecordKind Kind => RecordKind.Session;
    protected override string Tag => "Sessions";
}

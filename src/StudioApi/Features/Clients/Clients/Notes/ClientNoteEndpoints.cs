using StudioApi.Features.Clients.Notes;
using StudioApi.Platform.Workflow;


namespace StudioApi.Features.Clients.Clients.Notes;

// The client notes log: the shared notes endpoints, named for clients.

public sealed class AddClientNoteEndpoint : AddRecordNoteEndpoint
{
    protected override RecordKind Kind => RecordKind.Client;
    protected override string Tag => "Clients";
}

public sealed class ListClientNotesEndpoint : ListRecordNotesEndpoint
{
    protected override RecordKind Kind => RecordKind.Client;
    protected override string Tag => "Clients";
}

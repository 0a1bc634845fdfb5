using StudioApi.Platform.Workflow;
using StudioApi.Platform.Workflow.Transitions;


namespace StudioApi.Features.Clients.Clients.StatusChanges;

// The client workflow's status changes: the shared transition endpoints, named for clients and open to the front desk.

public sealed class ChangeClientStatusEndpoint : ChangeRecordStatusEndpoint
{
    protected override RecordKind Kind => RecordKind.Client;
    protected override string Tag => "Clients";
    protected override string[] Editors => Platform.Auth.Roles.FrontDesk;
}

public sealed class ListClientStatusChangesEndpoint : ListRecordStatusChangesEndpoint
{
    protected override RecordKind Kind => RecordKind.Client;
    protected override string Tag => "Clients";
}

public sealed class BulkChangeClientStatusEndpoint : BulkChangeRecordStatusEndpoint
{
    protected override RecordKind Kind => RecordKind.Client;
    protected override string Tag => "Clients";
    protected override string[] Editors => Platform.Auth.Roles.FrontDesk;
}

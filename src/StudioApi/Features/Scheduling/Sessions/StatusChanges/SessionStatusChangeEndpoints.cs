using StudioApi.Platform.Workflow;
using StudioApi.Platform.Workflow.Transitions;


namespace StudioApi.Features.Scheduling.Sessions.StatusChanges;

// The session workflow's status changes: the shared transition endpoints, named for sessions. The front desk and
// photographers move sessions on (a photographer marks a session photographed), sales staff only read.

public sealed class ChangeSessionStatusEndpoint : ChangeRecordStatusEndpoint
{
    protected override RecordKind Kind => RecordKind.Session;
    protected override string Tag => "Sessions";
    protected override string[] Editors => Platform.Auth.Roles.SessionStaff;
}

public sealed class ListSessionStatusChangesEndpoint : ListRecordStatusChangesEndpoint
{
    protected override RecordKind Kind => RecordKind.Session;
    protected override string Tag => "Sessions";
}

public sealed class BulkChangeSessionStatusEndpoint : BulkChangeRecordStatusEndpoint
{
    protected override RecordKind Kind => RecordKind.Session;
    protected override string Tag => "Sessions";
    protected override string[] Editors => Platform.Auth.Roles.SessionStaff;
}

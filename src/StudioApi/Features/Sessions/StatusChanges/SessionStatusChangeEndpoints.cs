using StudioApi.Features.Workflow;
using StudioApi.Features.Workflow.Transitions;

namespace StudioApi.Features.Sessions.StatusChanges;

// The session workflow's status changes: the shared transition endpoints, named for sessions. The front desk and
// photographers move sessions on (a photographer marks a session photographed), sales staff only read.

public sealed class ChangeSessionStatusEndpoint : ChangeRecordStatusEndpoint
{
    protected override RecordKind Kind => RecordKind.Session;
    protected override string Tag => "Sessions";
    protected override string[] Editors => Auth.Roles.SessionStaff;
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
    protected override string[] Editors => Auth.Roles.SessionStaff;
}

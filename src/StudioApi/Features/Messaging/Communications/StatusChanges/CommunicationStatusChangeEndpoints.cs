using StudioApi.Platform.Workflow;
using StudioApi.Platform.Workflow.Transitions;

namespace StudioApi.Features.Messaging.Communications.StatusChanges;

// The communication workflow's status changes: the shared transition endpoints, named for communications and open to
// every staff member, as working through calls and messages is.

public sealed class ChangeCommunicationStatusEndpoint : ChangeRecordStatusEndpoint
{
    protected override RecordKind Kind => RecordKind.Communication;
    protected override string Tag => "Communications";
    protected override string[] Editors => Platform.Auth.Roles.AnyStaff;
}

public sealed class ListCommunicationStatusChangesEndpoint : ListRecordStatusChangesEndpoint
{
    protected override RecordKind Kind => RecordKind.Communication;
    protected override string Tag => "Communications";
}

public sealed class BulkChangeCommunicationStatusEndpoint : BulkChangeRecordStatusEndpoint
{
    protected override RecordKind Kind => RecordKind.Communication;
    protected override string Tag => "Communications";
    protected override string[] Editors => Platform.Auth.Roles.AnyStaff;
}

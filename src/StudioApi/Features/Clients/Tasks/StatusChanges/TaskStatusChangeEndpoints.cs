using StudioApi.Platform.Workflow;
using StudioApi.Platform.Workflow.Transitions;


namespace StudioApi.Features.Clients.Tasks.StatusChanges;

// The task workflow's status changes: the shared transition endpoints, named for tasks and open to every staff
// member, as working a ticket is.

public sealed class ChangeTaskStatusEndpoint : ChangeRecordStatusEndpoint
{
    protected override RecordKind Kind => RecordKind.Task;
    protected override string Tag => "Tasks";
    protected override string[] Editors => Platform.Auth.Roles.AnyStaff;
}

public sealed class ListTaskStatusChangesEndpoint : ListRecordStatusChangesEndpoint
{
    protected override RecordKind Kind => RecordKind.Task;
    protected override string Tag => "Tasks";
}

public sealed class BulkChangeTaskStatusEndpoint : BulkChangeRecordStatusEndpoint
{
    protected override RecordKind Kind => RecordKind.Task;
    protected override string Tag => "Tasks";
    protected override string[] Editors => Platform.Auth.Roles.AnyStaff;
}

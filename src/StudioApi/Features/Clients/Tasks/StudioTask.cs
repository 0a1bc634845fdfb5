using StudioApi.Platform.Persistence;
using StudioApi.Platform.Workflow;


namespace StudioApi.Features.Clients.Tasks;

/// <summary>How urgent a task is; a list sorted by priority runs from low to urgent (-priority: urgent first).</summary>
// Stored as its number, so sorting by priority sorts by urgency: never renumber.
public enum TaskPriority
{
    Low = 0,
    Normal = 1,
    High = 2,
    Urgent = 3,
}

/// <summary>
/// A task: the seed's customer-service ticket (a retouch request, a reprint, a complaint…), raised from the client,
/// session or invoice that reported the problem and worked until done. Named StudioTask so it never shadows
/// System.Threading.Tasks.Task. Its workflow status is added by the workflow mechanism, not here.
/// </summary>
public sealed class StudioTask : AuditedRecord, IHasWorkflowStatus, IHasAssignedUser
{
    /// <summary>A <see cref="Setup.TaskTypes.TaskType"/>.</summary>
    public long TaskTypeId { get; set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public long? ClientId { get; set; }
    /// <summary>The session the ticket is about. No foreign key yet: the sessions issue adds it and its validation.</summary>
    public long? SessionId { get; set; }
    /// <summary>The invoice the ticket is about. No foreign key yet: the sales issue adds it and its validation.</summary>
    public long? InvoiceId { get; set; }
    /// <summary>The user working the ticket.</summary>
    public long? AssignedUserId { get; set; }
    public DateOnly? DueDate
    {
        get;
        set
        {
            field = value;
            DueSortKey = value ?? DateOnly.MaxValue;
        }
    }

    /// <summary>The due date, or the last day for a task without one: stored so an index serves the due-date sort, which lists undated tasks last.</summary>
    public DateOnly DueSortKey { get; private set; } = DateOnly.MaxValue;

    public TaskPriority Priority { get; set; } = TaskPriority.Normal;

    /// <summary>Where the ticket is in its task type's workflow (or the general task workflow); changed only through status changes.</summary>
    public long? StatusId { get; set; }
    public StatusDefinition? Status { get; set; }
    public DateTime? StatusChangedAt { get; set; }
    public DateOnly? StatusDate { get; set; }
    public DateOnly? StatusDueDate { get; set; }
    /// <summary>Task statuses may be kept per task type.</summary>
    public long? WorkflowTypeId => TaskTypeId;
}

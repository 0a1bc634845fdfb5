namespace StudioApi.Platform.Workflow;

/// <summary>
/// A record that moves through a status workflow. Only <see cref="StatusTransitions"/> writes these fields (and
/// a creation that starts a record at its initial status), so every change has its status-log entry.
/// </summary>
public interface IHasWorkflowStatus
{
    long? StatusId { get; set; }
    /// <summary>The status itself (a navigation), for queries that ask whether it is final.</summary>
    StatusDefinition? Status { get; }
    /// <summary>When the status last changed (UTC).</summary>
    DateTime? StatusChangedAt { get; set; }
    /// <summary>The studio-local date of the last change.</summary>
    DateOnly? StatusDate { get; set; }
    /// <summary>The status date plus the status's duration in business days.</summary>
    DateOnly? StatusDueDate { get; set; }
    /// <summary>The type whose status list applies when the kind keeps statuses by type; null for kinds without types.</summary>
    long? WorkflowTypeId { get; }
}

/// <summary>A record assigned to a user (tasks), so overdue lists can be filtered by assignee.</summary>
public interface IHasAssignedUser
{
    long? AssignedUserId { get; }
}

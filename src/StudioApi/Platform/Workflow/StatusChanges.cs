namespace StudioApi.Platform.Workflow;

/// <summary>Where a status change goes: a named status, or the next active status of the record's workflow.</summary>
public readonly record struct StatusTarget(long? StatusId)
{
    public static StatusTarget Advance => new(null);
    public static StatusTarget To(long statusId) => new(statusId);
}

public enum StatusChangeOutcome
{
    Changed,
    Skipped,
}

/// <summary>Why a record was left as it was.</summary>
public enum StatusChangeSkipReason
{
    /// <summary>There is no live record with this id.</summary>
    NotFound,
    /// <summary>The record is already at the target status.</summary>
    AlreadyAtStatus,
    /// <summary>Advance: the record is at its workflow's final status.</summary>
    AtFinalStatus,
    /// <summary>Advance: no active status follows the record's status.</summary>
    NoNextStatus,
    /// <summary>The target status (or, for advance, the record's status) is not in the record's workflow.</summary>
    StatusNotInWorkflow,
    /// <summary>The target status is inactive: records may stay at it, not move to it.</summary>
    StatusInactive,
    /// <summary>The record's workflow has no statuses yet.</summary>
    NoStatuses,
}

public sealed record StatusChangeResult(
    long RecordId, StatusChangeOutcome Outcome, StatusChangeSkipReason? Reason, long? FromStatusId, long? ToStatusId, DateOnly? DueDate);

/// <summary>The outcome of one change call: a result per requested record (in request order) and the log entries written.</summary>
public sealed record StatusChangeBatch(IReadOnlyList<StatusChangeResult> Results, IReadOnlyList<StatusLogEntry> Entries);

/// <summary>A record's status changed: published once per changed record, after the change committed.</summary>
public sealed record StatusChanged(
    long LogEntryId,
    RecordKind Kind,
    long RecordId,
    long? TypeId,
    long? FromStatusId,
    long ToStatusId,
    string ToDescription,
    DateTime ChangedAt,
    DateOnly StatusDate,
    DateOnly DueDate,
    string ChangedBy,
    string? Note);

/// <summary>
/// Reacts to status changes in process (triggers, render jobs, webhooks). Called by <see cref="StatusTransitions"/>
/// after the transaction commits, with every change of one call; the status log is the durable record of the same
/// changes, for work that must survive a crash.
/// </summary>
public interface IStatusChangeHandler
{
    Task HandleAsync(IReadOnlyList<StatusChanged> changes, CancellationToken ct);
}

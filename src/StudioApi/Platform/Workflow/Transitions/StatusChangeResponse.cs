namespace StudioApi.Platform.Workflow.Transitions;

/// <summary>One entry of a record's status log: a change from one status to another, who made it, when, and the dates it set.</summary>
public sealed class StatusChangeResponse
{
    public required long Id { get; init; }
    public required RecordKind Kind { get; init; }
    public required long RecordId { get; init; }
    /// <summary>The type that scopes the record's workflow, for kinds kept by type.</summary>
    public long? TypeId { get; init; }
    /// <summary>Null when the record entered its workflow (at its initial status).</summary>
    public long? FromStatusId { get; init; }
    public string? FromDescription { get; init; }
    public required long ToStatusId { get; init; }
    public required string ToDescription { get; init; }
    public string? Note { get; init; }
    /// <summary>Who made the change: a username, or "system".</summary>
    public required string ChangedBy { get; init; }
    public required DateTimeOffset ChangedAt { get; init; }
    /// <summary>The studio-local date of the change.</summary>
    public required DateOnly StatusDate { get; init; }
    /// <summary>The status date plus the status's duration in business days.</summary>
    public required DateOnly DueDate { get; init; }

    public static StatusChangeResponse From(StatusLogEntry e) => new()
    {
        Id = e.Id,
        Kind = e.Kind,
        RecordId = e.RecordId,
        TypeId = e.TypeId,
        FromStatusId = e.FromStatusId,
        FromDescription = e.FromDescription,
        ToStatusId = e.ToStatusId,
        ToDescription = e.ToDescription,
        Note = e.Note,
        ChangedBy = e.ChangedBy,
        ChangedAt = e.ChangedAt,
        StatusDate = e.StatusDate,
        DueDate = e.DueDate,
    };
}

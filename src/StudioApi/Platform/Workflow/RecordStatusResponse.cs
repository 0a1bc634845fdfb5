namespace StudioApi.Platform.Workflow;

/// <summary>A record's place in its workflow, as every record with a status shows it.</summary>
public sealed class RecordStatusResponse
{
    public required long Id { get; init; }
    public required string Description { get; init; }
    /// <summary>The studio-local date the record reached this status.</summary>
    public DateOnly? StatusDate { get; init; }
    /// <summary>The status date plus the status's duration in business days.</summary>
    public DateOnly? DueDate { get; init; }
    /// <summary>Past its due date (in the studio's time zone) and not at its workflow's final status.</summary>
    public required bool IsOverdue { get; init; }

    public static RecordStatusResponse? From(IHasWorkflowStatus record, StatusDefinition? status, DateOnly today) =>
        status is null
            ? null
            : new RecordStatusResponse
            {
                Id = status.Id,
                Description = status.Description,
                StatusDate = record.StatusDate,
                DueDate = record.StatusDueDate,
                IsOverdue = IsPastDue(record.StatusDueDate, status.IsFinal, today),
            };

    public static bool IsPastDue(DateOnly? dueDate, bool atFinal, DateOnly today) => !atFinal && dueDate < today;
}

using StudioApi.Platform.Http;
using StudioApi.Platform.Workflow;


namespace StudioApi.Features.Clients.Tasks;

public sealed class TaskResponse : RecordResponse
{
    public required long TaskTypeId { get; init; }
    public required string Title { get; init; }
    public string? Description { get; init; }
    public long? ClientId { get; init; }
    public long? SessionId { get; init; }
    public long? InvoiceId { get; init; }
    public long? AssignedUserId { get; init; }
    public DateOnly? DueDate { get; init; }
    public required TaskPriority Priority { get; init; }
    /// <summary>Where the ticket is in its workflow; null when the task workflow has no statuses.</summary>
    public RecordStatusResponse? Status { get; init; }

    /// <param name="t">The task, with its <see cref="StudioTask.Status"/> loaded.</param>
    /// <param name="today">The studio's today, which decides whether the status is overdue.</param>
    public static TaskResponse From(StudioTask t, DateOnly today) => new TaskResponse
    {
        Status = RecordStatusResponse.From(t, t.Status, today),
        TaskTypeId = t.TaskTypeId,
        Title = t.Title,
        Description = t.Description,
        ClientId = t.ClientId,
        SessionId = t.SessionId,
        InvoiceId = t.InvoiceId,
        AssignedUserId = t.AssignedUserId,
        DueDate = t.DueDate,
        Priority = t.Priority,
    }.WithAudit(t);
}

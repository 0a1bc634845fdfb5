using StudioApi.Api;

namespace StudioApi.Features.Tasks;

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

    public static TaskResponse From(StudioTask t) => new TaskResponse
    {
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

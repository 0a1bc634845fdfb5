using StudioApi.Platform.Http;


namespace StudioApi.Features.Setup.TaskTypes;

public sealed class TaskTypeResponse : RecordResponse
{
    public required string Name { get; init; }
    public required int SortOrder { get; init; }
    public required bool IsActive { get; init; }

    public static TaskTypeResponse From(TaskType t) => new TaskTypeResponse
    {
        Name = t.Name,
        SortOrder = t.SortOrder,
        IsActive = t.IsActive,
    }.WithAudit(t);
}

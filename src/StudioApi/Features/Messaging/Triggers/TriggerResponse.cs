using StudioApi.Platform.Http;
using StudioApi.Platform.Time;
using StudioApi.Platform.Workflow;

namespace StudioApi.Features.Messaging.Triggers;

public sealed class TriggerResponse : RecordResponse
{
    public required string Name { get; init; }
    public string? Description { get; init; }
    public required bool IsActive { get; init; }
    /// <summary>When it was last made active: what happened before does not fire it.</summary>
    public DateTimeOffset? ActivatedAt { get; init; }
    public required RecordKind RecordKind { get; init; }
    public required TriggerEvent Event { get; init; }
    public long? StatusId { get; init; }
    public required IReadOnlyList<long> TypeIds { get; init; }
    public TriggerDateField? DateField { get; init; }
    public required int OffsetDays { get; init; }
    public string? TimeOfDay { get; init; }
    public required IReadOnlyList<long> ConditionStatusIds { get; init; }
    public long? ConditionOrganizationId { get; init; }
    public bool? ConditionConfirmed { get; init; }
    public required bool IncludeCancelled { get; init; }
    public required IReadOnlyList<TriggerActionData> Actions { get; init; }

    public static TriggerResponse From(Trigger t) => new TriggerResponse
    {
        Name = t.Name,
        Description = t.Description,
        IsActive = t.IsActive,
        ActivatedAt = t.ActivatedAt,
        RecordKind = t.RecordKind,
        Event = t.Event,
        StatusId = t.StatusId,
        TypeIds = t.TypeIds,
        DateField = t.DateField,
        OffsetDays = t.OffsetDays,
        TimeOfDay = t.TimeOfDay is { } time ? WallClock.FormatTime(time) : null,
        ConditionStatusIds = t.ConditionStatusIds,
        ConditionOrganizationId = t.ConditionOrganizationId,
        ConditionConfirmed = t.ConditionConfirmed,
        IncludeCancelled = t.IncludeCancelled,
        Actions = t.Actions.OrderBy(a => a.Position).Select(a => new TriggerActionData
        {
            Kind = a.Kind, TemplateId = a.TemplateId, CallTypeId = a.CallTypeId, TaskTypeId = a.TaskTypeId, Title = a.Title,
            DueInDays = a.DueInDays, AssignedUserId = a.AssignedUserId,
        }).ToList(),
    }.WithAudit(t);
}

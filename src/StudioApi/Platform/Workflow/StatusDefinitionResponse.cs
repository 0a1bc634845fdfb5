using System.ComponentModel.DataAnnotations;
using StudioApi.Platform.Http;

namespace StudioApi.Platform.Workflow;

public sealed class StatusDefinitionResponse : RecordResponse
{
    public required RecordKind Kind { get; init; }
    /// <summary>The type whose list the status is in; null for the kind's general list.</summary>
    public long? TypeId { get; init; }
    public required string Description { get; init; }
    public required int Order { get; init; }
    public required int DurationBusinessDays { get; init; }
    public WorkflowStage? Stage { get; init; }
    public required bool IsInitial { get; init; }
    public required bool IsFinal { get; init; }
    public required bool IsInactive { get; init; }
    public required bool ChangeOnSessionDate { get; init; }
    /// <summary>Production orders: the lab callback that moves an order of this workflow here; null for none.</summary>
    public LabEvent? LabEvent { get; init; }

    public static StatusDefinitionResponse From(StatusDefinition s) => new StatusDefinitionResponse
    {
        Kind = s.Kind,
        TypeId = s.TypeId,
        Description = s.Description,
        Order = s.Order,
        DurationBusinessDays = s.DurationBusinessDays,
        Stage = s.Stage,
        IsInitial = s.IsInitial,
        IsFinal = s.IsFinal,
        IsInactive = s.IsInactive,
        ChangeOnSessionDate = s.ChangeOnSessionDate,
        LabEvent = s.LabEvent,
    }.WithAudit(s);
}

/// <summary>The statuses of one workflow, in workflow order.</summary>
public sealed class StatusDefinitionListResponse
{
    public required RecordKind Kind { get; init; }
    public long? TypeId { get; init; }
    [MaxLength(WorkflowLists.MaxStatusesPerWorkflow)]
    public required IReadOnlyList<StatusDefinitionResponse> Items { get; init; }
}

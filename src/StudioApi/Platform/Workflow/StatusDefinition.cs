using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Http;

namespace StudioApi.Platform.Workflow;

/// <summary>
/// One step of a workflow. A workflow is the list of statuses of a record kind, either the kind's general list
/// (<see cref="TypeId"/> null) or, when the kind keeps statuses by type, the list of one type (a session type,
/// production type or task type). Each workflow that has statuses has exactly one initial and one final status.
/// </summary>
public sealed class StatusDefinition : AuditedRecord
{
    public const int DescriptionMaxLength = 100;
    public const int MaxDurationBusinessDays = 365;

    public RecordKind Kind { get; set; }
    /// <summary>The type whose list this status belongs to; null for the kind's general list.</summary>
    public long? TypeId { get; set; }
    public string Description { get; set; } = "";
    /// <summary>Position in the workflow; advance goes to the next active status by this order (ties by id).</summary>
    public int Order { get; set; }
    /// <summary>How many business days the step normally takes: the due date of a record that enters it.</summary>
    public int DurationBusinessDays { get; set; }
    /// <summary>The workflow hub stage of sessions and production orders at this status.</summary>
    public WorkflowStage? Stage { get; set; }
    public bool IsInitial { get; set; }
    public bool IsFinal { get; set; }
    /// <summary>Skipped by advance and not offered for new changes; records already at it stay valid.</summary>
    public bool IsInactive { get; set; }
    /// <summary>Sessions only: move a session to this status on its session date.</summary>
    public bool ChangeOnSessionDate { get; set; }
    /// <summary>Production orders only: a lab's callback of this event moves an order of this workflow to this status.</summary>
    public LabEvent? LabEvent { get; set; }

    public WorkflowKey Workflow => new(Kind, TypeId);
}

/// <summary>Names one workflow: a record kind and the type whose list it is (null: the general list).</summary>
public readonly record struct WorkflowKey(RecordKind Kind, long? TypeId)
{
    public override string ToString() => TypeId is { } type ? $"{Kind.WireName()} type {type}" : $"{Kind.WireName()} (general list)";
}

public sealed class StatusDefinitionConfiguration : IEntityTypeConfiguration<StatusDefinition>
{
    public void Configure(EntityTypeBuilder<StatusDefinition> builder)
    {
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.Stage).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.LabEvent).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Description).HasMaxLength(StatusDefinition.DescriptionMaxLength);
        builder.Ignore(s => s.Workflow);
        // A description names one live status of a workflow. SQL Server's unique index also covers the general list
        // (its NULLs are equal); SQLite's NULLs are distinct, so there the check inside the write transaction guards
        // it (SQLite has one writer at a time and refuses a write from a stale snapshot).
        builder.HasIndex(s => new { s.Kind, s.TypeId, s.Description }).IsUnique().HasFilter("DeletedAt IS NULL");
        // One live status of a workflow per lab event, guarded the same way. LabEvent comes first so the index's name
        // (IX_StatusDefinitions_LabEvent_…) tells its violation from the description's (WorkflowLists.SaveAsync).
        builder.HasIndex(s => new { s.LabEvent, s.Kind, s.TypeId }).IsUnique().HasFilter("DeletedAt IS NULL AND LabEvent IS NOT NULL");
    }
}

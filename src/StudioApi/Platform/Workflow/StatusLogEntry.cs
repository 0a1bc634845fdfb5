using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudioApi.Platform.Persistence;

namespace StudioApi.Platform.Workflow;

/// <summary>
/// One status change of one record, append-only: the record's status history and the durable stream of status-change
/// events that triggers, webhooks and render jobs read (in id order). Descriptions are copied so the history reads the
/// same after a status is renamed or deleted.
/// </summary>
public sealed class StatusLogEntry : IHasId
{
    public const int NoteMaxLength = 1000;

    public long Id { get; set; }
    public RecordKind Kind { get; set; }
    public long RecordId { get; set; }
    /// <summary>The type that scopes the record's workflow (session type, task type…), when it has one.</summary>
    public long? TypeId { get; set; }
    public long? FromStatusId { get; set; }
    public long ToStatusId { get; set; }
    public string? FromDescription { get; set; }
    public string ToDescription { get; set; } = "";
    public string? Note { get; set; }
    public string ChangedBy { get; set; } = "";
    public DateTime ChangedAt { get; set; }
    /// <summary>The studio-local date of the change.</summary>
    public DateOnly StatusDate { get; set; }
    public DateOnly DueDate { get; set; }
}

public sealed class StatusLogEntryConfiguration : IEntityTypeConfiguration<StatusLogEntry>
{
    public void Configure(EntityTypeBuilder<StatusLogEntry> builder)
    {
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.FromDescription).HasMaxLength(StatusDefinition.DescriptionMaxLength);
        builder.Property(e => e.ToDescription).HasMaxLength(StatusDefinition.DescriptionMaxLength);
        builder.Property(e => e.Note).HasMaxLength(StatusLogEntry.NoteMaxLength);
        builder.Property(e => e.ChangedBy).HasMaxLength(100);
        // A record's history, newest first (the list's sort is the change instant).
        builder.HasIndex(e => new { e.Kind, e.RecordId, e.ChangedAt, e.Id });
    }
}

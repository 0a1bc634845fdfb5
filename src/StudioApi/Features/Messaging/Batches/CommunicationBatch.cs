using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudioApi.Features.Messaging.Communications;
using StudioApi.Features.Messaging.Merging;
using StudioApi.Features.Messaging.Templates;
using StudioApi.Platform.Background;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Messaging.Batches;

public enum BatchState
{
    Queued,
    Running,
    /// <summary>Every record of the filter has its message (sent, queued in the outbox, or skipped with the reason).</summary>
    Done,
    Failed,
}

/// <summary>Which records a wizard send goes to: clients of a status or school, the sessions of a date range, organization or type, or invoices with a balance due.</summary>
public sealed class BatchFilter
{
    public MergeRecordType RecordType { get; set; }
    /// <summary>Clients at this status.</summary>
    public long? ClientStatusId { get; set; }
    /// <summary>Clients who are its students; sessions of it (a picture day).</summary>
    public long? OrganizationId { get; set; }
    /// <summary>Sessions on or after this day.</summary>
    public DateOnly? SessionDateFrom { get; set; }
    /// <summary>Sessions on or before this day.</summary>
    public DateOnly? SessionDateTo { get; set; }
    public long? SessionTypeId { get; set; }
    /// <summary>Sessions at this status.</summary>
    public long? SessionStatusId { get; set; }
    /// <summary>Invoices (always those with a balance due) dated on or after this day.</summary>
    public DateOnly? InvoiceDateFrom { get; set; }
    /// <summary>Invoices dated on or before this day.</summary>
    public DateOnly? InvoiceDateTo { get; set; }
}

/// <summary>
/// A send of one template to every record of a filter (seed: the Communication Wizard): made with a preview first, then
/// run in the background (kind <see cref="BatchQueue.Kind"/>) as one message per record, each logged on its client (and
/// session) like any other communication and delivered by the outbox. The records are those of the filter made before
/// the batch; each gets its message once (a unique index on batch and record), so a batch taken up again after a crash,
/// or sent twice with one Idempotency-Key, never sends twice.
/// </summary>
public sealed class CommunicationBatch : AuditedRecord
{
    public long TemplateId { get; set; }
    public CommunicationKind Channel { get; set; }
    public BatchFilter Filter { get; set; } = new();
    public BatchState State { get; set; }
    /// <summary>Records of the filter when the batch was made.</summary>
    public int RecordCount { get; set; }
    /// <summary>Messages made so far (queued or skipped).</summary>
    public int Made { get; set; }
    public DateTime? FinishedAt { get; set; }
    public string? Error { get; set; }
    public WorkLease Work { get; set; } = new();
}

public sealed class CommunicationBatchConfiguration : IEntityTypeConfiguration<CommunicationBatch>
{
    public void Configure(EntityTypeBuilder<CommunicationBatch> builder)
    {
        builder.ToTable("CommunicationBatches");
        builder.Property(b => b.Channel).HasConversion<string>().HasMaxLength(10);
        builder.Property(b => b.State).HasConversion<string>().HasMaxLength(10);
        builder.Property(b => b.Error).HasMaxLength(WorkLease.ErrorMaxLength);
        builder.ComplexProperty(b => b.Filter, filter => filter.Property(f => f.RecordType).HasConversion<string>().HasMaxLength(10));
        builder.HasWorkLease(b => b.Work);
        builder.HasOne<MessageTemplate>().WithMany().HasForeignKey(b => b.TemplateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(b => new { b.State, b.Id });
        // The list, newest first.
        builder.HasIndex(b => new { b.CreatedAt, b.Id });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace StudioApi.Platform.Background;

/// <summary>
/// How far a consumer of an append-only stream (the status log) has read: one row per consumer, moved in the same
/// transaction as the work it did, so nothing is lost or done twice across restarts (see <see cref="StreamConsumer{TEntry}"/>).
/// </summary>
public sealed class EventCursor
{
    public const int ConsumerMaxLength = 50;

    public string Consumer { get; set; } = "";
    public long LastId { get; set; }
    /// <summary>Failed attempts at the batch after <see cref="LastId"/>; 0 once a batch goes through.</summary>
    public int Attempts { get; set; }
    /// <summary>After a failed batch, not read again before then.</summary>
    public DateTime? NextAttemptAt { get; set; }
    public string? LastError { get; set; }
}

public sealed class EventCursorConfiguration : IEntityTypeConfiguration<EventCursor>
{
    public void Configure(EntityTypeBuilder<EventCursor> builder)
    {
        builder.HasKey(c => c.Consumer);
        builder.Property(c => c.Consumer).HasMaxLength(EventCursor.ConsumerMaxLength);
        builder.Property(c => c.LastError).HasMaxLength(WorkLease.ErrorMaxLength);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace StudioApi.Platform.Background;

/// <summary>
/// How far a consumer of an append-only stream (the status log) has read: one row per consumer, moved in the same
/// transaction as the work it did, so nothing is lost or done twice across restarts.
/// </summary>
public sealed class EventCursor
{
    public const int ConsumerMaxLength = 50;

    public string Consumer { get; set; } = "";
    public long LastId { get; set; }
}

public sealed class EventCursorConfiguration : IEntityTypeConfiguration<EventCursor>
{
    public void Configure(EntityTypeBuilder<EventCursor> builder)
    {
        builder.HasKey(c => c.Consumer);
        builder.Property(c => c.Consumer).HasMaxLength(EventCursor.ConsumerMaxLength);
    }
}

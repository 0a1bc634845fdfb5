using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Messaging.Outbox.Bounces;

/// <summary>
/// A message read from the bounce mailbox, kept so each is taken once: a delivery status notification by its own
/// Message-Id (or a hash of it), so one delivered again, or left in the mailbox by a crash before it was removed,
/// changes nothing; any other mail by its POP3 unique id, so it is left where it is and not read again.
/// </summary>
public sealed class BounceMessage : IHasId
{
    public const int KeyMaxLength = 300;

    public long Id { get; set; }
    /// <summary>dsn:&lt;its Message-Id or SHA-256&gt;, or uid:&lt;its POP3 unique id&gt;.</summary>
    public string Key { get; set; } = "";
    public DateTime ReceivedAt { get; set; }
    /// <summary>The e-mail it reported on, if it was one of ours.</summary>
    public long? CommunicationId { get; set; }
    /// <summary>What was made of it.</summary>
    public string? Outcome { get; set; }
}

public sealed class BounceMessageConfiguration : IEntityTypeConfiguration<BounceMessage>
{
    public void Configure(EntityTypeBuilder<BounceMessage> builder)
    {
        builder.ToTable("BounceMessages");
        builder.Property(b => b.Key).HasMaxLength(BounceMessage.KeyMaxLength);
        builder.Property(b => b.Outcome).HasMaxLength(500);
        builder.HasIndex(b => b.Key).IsUnique();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudioApi.Features.Messaging.Communications;
using StudioApi.Platform.Background;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Messaging.Outbox;

public enum AttemptOutcome
{
    Sent,
    /// <summary>Failed; tried again after a backoff.</summary>
    Retrying,
    /// <summary>Failed for good.</summary>
    Failed,
    Skipped,
    /// <summary>Found handed over by an attempt that never finished: not sent again.</summary>
    Uncertain,
    /// <summary>Found delivered by an attempt that never finished (the provider had it): recorded, not sent again.</summary>
    FoundDelivered,
    /// <summary>Not an attempt: a delivery report (Twilio's status callback) said the message arrived.</summary>
    Delivered,
    /// <summary>Not an attempt: a delivery report (a bounce e-mail, Twilio's undelivered or failed) said it did not arrive.</summary>
    Bounced,
}

/// <summary>One attempt of the outbox at one message: when, by which server, and how it ended. Append-only.</summary>
public sealed class DeliveryAttempt : IHasId
{
    public long Id { get; set; }
    public long CommunicationId { get; set; }
    public int Attempt { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime FinishedAt { get; set; }
    public string Server { get; set; } = "";
    public AttemptOutcome Outcome { get; set; }
    /// <summary>The server's answer (250 … queued as …) or the error.</summary>
    public string? Detail { get; set; }
}

public sealed class DeliveryAttemptConfiguration : IEntityTypeConfiguration<DeliveryAttempt>
{
    public void Configure(EntityTypeBuilder<DeliveryAttempt> builder)
    {
        builder.ToTable("DeliveryAttempts");
        builder.Property(a => a.Server).HasMaxLength(WorkLease.OwnerMaxLength);
        builder.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Detail).HasMaxLength(WorkLease.ErrorMaxLength);
        builder.HasOne<Communication>().WithMany().HasForeignKey(a => a.CommunicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.CommunicationId, a.Id });
    }
}

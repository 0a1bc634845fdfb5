using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Workflow;

namespace StudioApi.Features.Messaging.Triggers;

public enum FiringOutcome
{
    /// <summary>Its actions were taken.</summary>
    Fired,
    /// <summary>Its conditions did not hold, or an action could not be taken: nothing was done; the reason says why.</summary>
    Skipped,
}

/// <summary>
/// The ledger of triggers: one row per (trigger, record, occurrence), unique, written in the transaction that takes the
/// trigger's actions, so each fires exactly once whatever runs twice (a sweep on two servers, a batch read again after a
/// crash). The occurrence names what fired it: the status-log entry of a change (log:123), the date a date trigger
/// counted from (date:2026-03-09; a session moved to another day is another occurrence).
/// </summary>
public sealed class TriggerFiring : IHasId
{
    public long Id { get; set; }
    public long TriggerId { get; set; }
    public RecordKind RecordKind { get; set; }
    public long RecordId { get; set; }
    public string Occurrence { get; set; } = "";
    /// <summary>When it was due (the change, or the date and time); later than this is a catch-up after downtime.</summary>
    public DateTime DueAt { get; set; }
    public DateTime FiredAt { get; set; }
    public FiringOutcome Outcome { get; set; }
    /// <summary>Why it was skipped, or what it did (the communications and tasks made).</summary>
    public string Detail { get; set; } = "";
}

public sealed class TriggerFiringConfiguration : IEntityTypeConfiguration<TriggerFiring>
{
    public void Configure(EntityTypeBuilder<TriggerFiring> builder)
    {
        builder.ToTable("TriggerFirings");
        builder.Property(f => f.RecordKind).HasConversion<string>().HasMaxLength(30);
        builder.Property(f => f.Occurrence).HasMaxLength(60);
        builder.Property(f => f.Outcome).HasConversion<string>().HasMaxLength(10);
        builder.Property(f => f.Detail).HasMaxLength(1000);
        builder.HasOne<Trigger>().WithMany().HasForeignKey(f => f.TriggerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => new { f.TriggerId, f.RecordId, f.Occurrence }).IsUnique();
        // The history, newest first.
        builder.HasIndex(f => new { f.TriggerId, f.FiredAt });
    }
}

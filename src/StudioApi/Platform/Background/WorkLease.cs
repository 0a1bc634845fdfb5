using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace StudioApi.Platform.Background;

/// <summary>
/// The columns every queued record carries for the background-work engine (see <see cref="WorkQueue{TRecord}"/>): who
/// holds it and until when, how many attempts it has had, when it may be tried again, and why it last failed. The
/// record keeps its own state (pending, queued, sent…) next to it; this is only the engine's bookkeeping. An EF complex
/// type: its columns live in the record's own table, named by <see cref="WorkLeaseConfiguration.HasWorkLease{TRecord}"/>.
/// </summary>
public sealed class WorkLease
{
    public const int OwnerMaxLength = 100;
    public const int ErrorMaxLength = 1000;

    /// <summary>The server instance holding the record (<see cref="BackgroundInstance"/>), while it works on it.</summary>
    public string? LeaseOwner { get; set; }
    /// <summary>The holder's lease runs until then (renewed while it works); a lease that ran out frees the record for another server.</summary>
    public DateTime? LeaseUntil { get; set; }
    /// <summary>Claims so far, the current one included; a claim the server gave back at a graceful stop is not counted.</summary>
    public int Attempts { get; set; }
    /// <summary>After a failed attempt, not tried again before then (exponential backoff).</summary>
    public DateTime? NextAttemptAt { get; set; }
    /// <summary>Why the last attempt failed; cleared when an attempt succeeds.</summary>
    public string? LastError { get; set; }
    /// <summary>When the engine gave up on the record (its last attempt failed, or the failure was not worth retrying).</summary>
    public DateTime? FailedAt { get; set; }

    public static string Trim(string error) => error.Length <= ErrorMaxLength ? error : error[..ErrorMaxLength];
}

public static class WorkLeaseConfiguration
{
    /// <summary>
    /// Maps a record's <see cref="WorkLease"/> to columns of its table, each named <paramref name="columnPrefix"/> +
    /// the property (RenditionLeaseOwner, RenditionAttempts… or, without a prefix, LeaseOwner, Attempts…).
    /// </summary>
    public static EntityTypeBuilder<TRecord> HasWorkLease<TRecord>(this EntityTypeBuilder<TRecord> builder,
        Expression<Func<TRecord, WorkLease>> lease, string columnPrefix = "") where TRecord : class
    {
        builder.ComplexProperty(lease!, l =>
        {
            l.Property(w => w.LeaseOwner).HasColumnName($"{columnPrefix}{nameof(WorkLease.LeaseOwner)}").HasMaxLength(WorkLease.OwnerMaxLength);
            l.Property(w => w.LeaseUntil).HasColumnName($"{columnPrefix}{nameof(WorkLease.LeaseUntil)}");
            l.Property(w => w.Attempts).HasColumnName($"{columnPrefix}{nameof(WorkLease.Attempts)}");
            l.Property(w => w.NextAttemptAt).HasColumnName($"{columnPrefix}{nameof(WorkLease.NextAttemptAt)}");
            l.Property(w => w.LastError).HasColumnName($"{columnPrefix}{nameof(WorkLease.LastError)}").HasMaxLength(WorkLease.ErrorMaxLength);
            l.Property(w => w.FailedAt).HasColumnName($"{columnPrefix}{nameof(WorkLease.FailedAt)}");
        });
        return builder;
    }
}

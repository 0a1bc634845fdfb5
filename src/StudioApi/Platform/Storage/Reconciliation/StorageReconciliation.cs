using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudioApi.Platform.Background;
using StudioApi.Platform.Persistence;

namespace StudioApi.Platform.Storage.Reconciliation;

/// <summary>
/// One comparison of the file store with the database, and its report: asked for by an admin
/// (POST /storage/reconciliations) or queued by the schedule (<see cref="StorageReconciliationSchedule"/>). The
/// records are the queue of the background kind <see cref="StorageReconciler.Kind"/>, each claimed with a lease, so
/// one server at a time works on one, and one cut short by a crash is taken up again. Not an audited record: nobody
/// edits it, it moves through its states.
/// </summary>
public sealed class StorageReconciliation : IHasId
{
    public long Id { get; set; }
    public StorageReconciliationState State { get; set; } = StorageReconciliationState.Queued;
    /// <summary>Who asked: a user, or "system" for the schedule.</summary>
    public string RequestedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public WorkLease Work { get; set; } = new();
    public string? Error { get; set; }

    /// <summary>Files in the store when it was listed.</summary>
    public int FilesChecked { get; set; }
    /// <summary>Keys the records pointed at.</summary>
    public int ExpectedFiles { get; set; }
    /// <summary>Files no record accounts for, moved to quarantine (see findings), and their bytes.</summary>
    public int OrphanFiles { get; set; }
    public long OrphanBytes { get; set; }
    /// <summary>Files no record accounted for but written within the grace period (an import may be about to record them): left for the next time.</summary>
    public int UnsettledFiles { get; set; }
    /// <summary>Records whose file is not in the store (reported, nothing deleted).</summary>
    public int MissingFiles { get; set; }
    /// <summary>Temporary files left by work that died (an upload cut off by a crash), moved to quarantine.</summary>
    public int AbandonedTemporaryFiles { get; set; }

    /// <summary>Where this reconciliation puts what it quarantines, inside the store's quarantine.</summary>
    public static string QuarantineFolderOf(long id) => $"reconciliation-{id}";
}

public enum StorageReconciliationState
{
    Queued,
    Running,
    Completed,
    Failed,
}

/// <summary>One thing a reconciliation found: an orphan it quarantined, a record's missing file, an abandoned temporary file.</summary>
public sealed class StorageFinding
{
    public long Id { get; set; }
    public long ReconciliationId { get; set; }
    public StorageFindingKind Kind { get; set; }
    /// <summary>The file's key in the store (a temporary file's name).</summary>
    public string Key { get; set; } = "";
    public long? Bytes { get; set; }
    public DateTime? LastModified { get; set; }
    /// <summary>For a missing file: the record that points at it.</summary>
    public string? RecordKind { get; set; }
    public long? RecordId { get; set; }
    /// <summary>Where a quarantined file is now, relative to the data directory.</summary>
    public string? QuarantinedAs { get; set; }
}

public enum StorageFindingKind
{
    /// <summary>A file no record accounts for: moved to quarantine.</summary>
    OrphanFile,
    /// <summary>A record whose file is not in the store: reported only.</summary>
    MissingFile,
    /// <summary>A temporary file nothing has written for longer than its grace period: moved to quarantine.</summary>
    AbandonedTemporaryFile,
}

public sealed class StorageReconciliationConfiguration : IEntityTypeConfiguration<StorageReconciliation>
{
    public void Configure(EntityTypeBuilder<StorageReconciliation> builder)
    {
        builder.ToTable("StorageReconciliations");
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.RequestedBy).HasMaxLength(100);
        builder.Property(r => r.Error).HasMaxLength(WorkLease.ErrorMaxLength);
        builder.HasWorkLease(r => r.Work);
        builder.HasIndex(r => r.State);
        builder.HasIndex(r => r.CreatedAt);
    }
}

public sealed class StorageFindingConfiguration : IEntityTypeConfiguration<StorageFinding>
{
    public const int KeyLength = 400;

    public void Configure(EntityTypeBuilder<StorageFinding> builder)
    {
        builder.ToTable("StorageFindings");
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(f => f.Key).HasMaxLength(KeyLength);
        builder.Property(f => f.RecordKind).HasMaxLength(50);
        builder.Property(f => f.QuarantinedAs).HasMaxLength(KeyLength + 100);
        builder.HasIndex(f => new { f.ReconciliationId, f.Id });
        builder.HasOne<StorageReconciliation>().WithMany().HasForeignKey(f => f.ReconciliationId).OnDelete(DeleteBehavior.Cascade);
    }
}

using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Background;
using StudioApi.Platform.Persistence;

namespace StudioApi.Platform.Storage.Reconciliation;

/// <summary>A reconciliation of the file store with the database: poll it until <c>state</c> is completed or failed.</summary>
public sealed class StorageReconciliationResponse
{
    public required long Id { get; init; }
    /// <summary>queued, running, then completed or failed.</summary>
    public required StorageReconciliationState State { get; init; }
    [MaxLength(100)]
    public required string RequestedBy { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    /// <summary>Why it failed (or why its last attempt did).</summary>
    [MaxLength(WorkLease.ErrorMaxLength)]
    public string? Error { get; init; }
    /// <summary>A file no record accounts for is judged only once it was last written this long ago (Storage:Reconciliation:GraceSeconds).</summary>
    public required long GraceSeconds { get; init; }
    /// <summary>Files in the store when it was listed.</summary>
    public required int FilesChecked { get; init; }
    /// <summary>Files the records point at (originals, renditions, held captures, render output…).</summary>
    public required int ExpectedFiles { get; init; }
    /// <summary>Files no record accounts for, moved to quarantine.</summary>
    public required int OrphanFiles { get; init; }
    public required long OrphanBytes { get; init; }
    /// <summary>Files no record accounted for yet, written within the grace period: left for the next reconciliation.</summary>
    public required int UnsettledFiles { get; init; }
    /// <summary>Records whose file is not in the store: reported, nothing deleted.</summary>
    public required int MissingFiles { get; init; }
    /// <summary>Temporary files left by work that died, moved to quarantine.</summary>
    public required int AbandonedTemporaryFiles { get; init; }
    /// <summary>What it found, file by file (missing files: the first 1,000).</summary>
    [MaxLength(MaxFindingsListed)]
    public required IReadOnlyList<StorageFindingResponse> Findings { get; init; }

    public const int MaxFindingsListed = 5000;

    public static async Task<StorageReconciliationResponse> LoadAsync(StudioDbContext db, StorageReconciliation r, long graceSeconds, CancellationToken ct)
    {
        var findings = await db.StorageFindings.AsNoTracking().Where(f => f.ReconciliationId == r.Id).OrderBy(f => f.Id)
            .Take(MaxFindingsListed).ToListAsync(ct);
        return new StorageReconciliationResponse
        {
            Id = r.Id,
            State = r.State,
            RequestedBy = r.RequestedBy,
            CreatedAt = r.CreatedAt,
            StartedAt = r.StartedAt,
            FinishedAt = r.FinishedAt,
            Error = r.Error ?? r.Work.LastError,
            GraceSeconds = graceSeconds,
            FilesChecked = r.FilesChecked,
            ExpectedFiles = r.ExpectedFiles,
            OrphanFiles = r.OrphanFiles,
            OrphanBytes = r.OrphanBytes,
            UnsettledFiles = r.UnsettledFiles,
            MissingFiles = r.MissingFiles,
            AbandonedTemporaryFiles = r.AbandonedTemporaryFiles,
            Findings = findings.Select(f => new StorageFindingResponse
            {
                Kind = f.Kind,
                Key = f.Key,
                Bytes = f.Bytes,
                LastModifiedAt = f.LastModified,
                RecordKind = f.RecordKind,
                RecordId = f.RecordId,
                QuarantinedAs = f.QuarantinedAs,
            }).ToList(),
        };
    }
}

/// <summary>One file a reconciliation found out of step with the records.</summary>
public sealed class StorageFindingResponse
{
    /// <summary>orphanFile (quarantined), missingFile (a record without its file) or abandonedTemporaryFile (quarantined).</summary>
    public required StorageFindingKind Kind { get; init; }
    /// <summary>The file's key in the store (for a temporary file, its name).</summary>
    [MaxLength(StorageFindingConfiguration.KeyLength)]
    public required string Key { get; init; }
    public long? Bytes { get; init; }
    /// <summary>When the file was last written.</summary>
    public DateTimeOffset? LastModifiedAt { get; init; }
    /// <summary>For a missing file: the kind of record that points at it (sessionImage, unmatchedCapture, renderRun, renderRunItem…).</summary>
    [MaxLength(50)]
    public string? RecordKind { get; init; }
    /// <summary>For a missing file: that record's id.</summary>
    public long? RecordId { get; init; }
    /// <summary>For a quarantined file: where it is now, relative to the data directory.</summary>
    [MaxLength(StorageFindingConfiguration.KeyLength + 100)]
    public string? QuarantinedAs { get; init; }
}

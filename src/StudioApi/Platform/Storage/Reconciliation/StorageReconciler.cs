using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.Options;
using StudioApi.Platform.Background;
using StudioApi.Platform.Persistence;

namespace StudioApi.Platform.Storage.Reconciliation;

/// <summary>Storage:Reconciliation settings.</summary>
public sealed class StorageReconciliationSettings
{
    /// <summary>A file no record accounts for is left alone until it was last written this long ago (an import writes its file before its row commits).</summary>
    public double GraceSeconds { get; set; } = 3600;
    /// <summary>A temporary file is abandoned once nothing has written it for this long (the longest upload or zip takes less).</summary>
    public double TemporaryGraceSeconds { get; set; } = 86400;
    /// <summary>How often the schedule queues a reconciliation; 0 never (admins still can).</summary>
    public double IntervalHours { get; set; } = 24;

    public TimeSpan Grace => TimeSpan.FromSeconds(Math.Max(0, GraceSeconds));
    public TimeSpan TemporaryGrace => TimeSpan.FromSeconds(Math.Max(0, TemporaryGraceSeconds));
}

/// <summary>Wakes the reconciler when a reconciliation is queued.</summary>
public sealed class StorageReconciliationSignal : WakeSignal;

/// <summary>
/// Runs queued reconciliations on the background-work engine (kind <see cref="Kind"/>, settings
/// <c>Background:StorageReconciliations</c>): compares the store with the records (<see cref="StorageComparison"/>),
/// moves each orphan file into the reconciliation's quarantine folder (never deletes it) and records it, moves
/// temporary files abandoned by work that died there too, and reports records whose file is missing (deleting
/// nothing). Taken up again after a crash, a reconciliation starts over; what it quarantined before stays in its
/// folder and among its findings.
/// </summary>
public sealed class StorageReconciler(StudioDbContext db, StorageComparison comparison, IFileStore store,
    IOptions<StorageReconciliationSettings> options, TimeProvider clock, ILogger<StorageReconciler> log) : WorkQueue<StorageReconciliation>
{
    public const string Kind = "storageReconciliations";
    /// <summary>Missing files listed per reconciliation (all are counted): a lost disk would otherwise list every record.</summary>
    public const int MaxMissingListed = 1000;

    static readonly Expression<Func<StorageReconciliation, WorkLease>> LeaseColumns = r => r.Work;
    static readonly Expression<Func<StorageReconciliation, DateTime>> Created = r => r.CreatedAt;
    static readonly Expression<Func<StorageReconciliation, bool>> QueuedOrRunning =
        r => r.State == StorageReconciliationState.Queued || r.State == StorageReconciliationState.Running;

    public override Expression<Func<StorageReconciliation, WorkLease>> Lease => LeaseColumns;
    public override Expression<Func<StorageReconciliation, DateTime>> CreatedAt => Created;
    public override Expression<Func<StorageReconciliation, bool>> Waiting => QueuedOrRunning;

    public override void OnClaimed(UpdateSettersBuilder<StorageReconciliation> set, DateTime now) => set
        .SetProperty(r => r.State, StorageReconciliationState.Running)
        .SetProperty(r => r.StartedAt, r => r.StartedAt ?? now);

    public override async Task ProcessAsync(StorageReconciliation reconciliation, CancellationToken ct)
    {
        var id = reconciliation.Id;
        var folder = StorageReconciliation.QuarantineFolderOf(id);
        var settings = options.Value;
        await db.StorageFindings.Where(f => f.ReconciliationId == id && f.Kind == StorageFindingKind.MissingFile).ExecuteDeleteAsync(ct);

        var found = await comparison.CompareAsync(settings.Grace, ct);
        foreach (var orphan in found.Orphans)
            await QuarantineAsync(id, folder, orphan, StorageFindingKind.OrphanFile, ct);

        var abandonedBefore = clock.GetUtcNow().UtcDateTime - settings.TemporaryGrace;
        var abandoned = new List<StoredFileEntry>();
        await foreach (var temp in store.ListTemporaryAsync(ct))
            if (temp.LastModified <= abandonedBefore)
                abandoned.Add(temp);
        foreach (var temp in abandoned)
            await QuarantineAsync(id, folder, temp, StorageFindingKind.AbandonedTemporaryFile, ct);

        foreach (var missing in found.Missing.Take(MaxMissingListed))
            db.StorageFindings.Add(new StorageFinding
            {
                ReconciliationId = id,
                Kind = StorageFindingKind.MissingFile,
                Key = Fit(missing.Key),
                RecordKind = missing.RecordKind,
                RecordId = missing.RecordId,
            });
        await db.SaveChangesAsync(ct);

        var findings = db.StorageFindings.Where(f => f.ReconciliationId == id);
        var orphans = await findings.Where(f => f.Kind == StorageFindingKind.OrphanFile).CountAsync(ct);
        var orphanBytes = await findings.Where(f => f.Kind == StorageFindingKind.OrphanFile).SumAsync(f => f.Bytes ?? 0, ct);
        var temporary = await findings.Where(f => f.Kind == StorageFindingKind.AbandonedTemporaryFile).CountAsync(ct);
        await db.StorageReconciliations.Where(r => r.Id == id).ExecuteUpdateAsync(set => set
            .SetProperty(r => r.FilesChecked, found.FilesChecked)
            .SetProperty(r => r.ExpectedFiles, found.ExpectedFiles)
            .SetProperty(r => r.OrphanFiles, orphans)
            .SetProperty(r => r.OrphanBytes, orphanBytes)
            .SetProperty(r => r.UnsettledFiles, found.Unsettled.Count)
            .SetProperty(r => r.MissingFiles, found.Missing.Count)
            .SetProperty(r => r.AbandonedTemporaryFiles, temporary), ct);

        if (orphans > 0 || temporary > 0 || found.Missing.Count > 0)
            log.LogWarning("Storage reconciliation {Id}: {Orphans} orphan file(s) and {Temporary} abandoned temporary file(s) moved to quarantine ({Folder}); {Missing} record(s) without their file",
                id, orphans, temporary, folder, found.Missing.Count);
    }

    async Task QuarantineAsync(long id, string folder, StoredFileEntry file, StorageFindingKind kind, CancellationToken ct)
    {
        var at = await store.QuarantineAsync(file.Key, folder, temporary: kind == StorageFindingKind.AbandonedTemporaryFile, ct);
        if (at is null)
            return; // gone meanwhile (deleted by its owner after all)
        // Recorded as soon as it is moved, so a crash loses at most the entry of the file in hand.
        db.StorageFindings.Add(new StorageFinding
        {
            ReconciliationId = id,
            Kind = kind,
            Key = Fit(file.Key),
            Bytes = file.Length,
            LastModified = file.LastModified,
            QuarantinedAs = at.Length <= StorageFindingConfiguration.KeyLength + 100 ? at : null,
        });
        await db.SaveChangesAsync(CancellationToken.None);
    }

    static string Fit(string key) => key.Length <= StorageFindingConfiguration.KeyLength ? key : key[..StorageFindingConfiguration.KeyLength];

    public override void OnDone(UpdateSettersBuilder<StorageReconciliation> set, DateTime now) => set
        .SetProperty(r => r.State, StorageReconciliationState.Completed)
        .SetProperty(r => r.Error, (string?)null)
        .SetProperty(r => r.FinishedAt, now);

    public override void OnFailed(UpdateSettersBuilder<StorageReconciliation> set, string error, DateTime now) => set
        .SetProperty(r => r.State, StorageReconciliationState.Failed)
        .SetProperty(r => r.Error, error)
        .SetProperty(r => r.FinishedAt, now);
}

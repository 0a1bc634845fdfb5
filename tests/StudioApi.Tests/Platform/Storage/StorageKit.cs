using System.Net;
using Microsoft.Extensions.DependencyInjection;
using StudioApi.Platform.Storage;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Platform.Storage;

public sealed record StorageFindingBody(string Kind, string Key, long? Bytes, DateTimeOffset? LastModifiedAt, string? RecordKind, long? RecordId,
    string? QuarantinedAs);

public sealed record StorageReconciliationBody(
    long Id, string State, string RequestedBy, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? Error,
    double GraceSeconds, int FilesChecked, int ExpectedFiles, int OrphanFiles, long OrphanBytes, int UnsettledFiles, int MissingFiles,
    int AbandonedTemporaryFiles, List<StorageFindingBody> Findings);

/// <summary>Reconciling the store as an admin does, and the reconciler's comparison as an invariant for other tests.</summary>
public static class StorageKit
{
    /// <summary>Asks for a reconciliation (202 and where to poll) and polls it until it has finished.</summary>
    public static async Task<StorageReconciliationBody> ReconcileAsync(this HttpClient admin)
    {
        var asked = await admin.PostAsync("/api/v1/storage/reconciliations", null);
        var queued = await asked.ShouldBeAsync<StorageReconciliationBody>(HttpStatusCode.Accepted);
        asked.Headers.Location!.ToString().ShouldBe($"/api/v1/storage/reconciliations/{queued.Id}");
        return await admin.WhenReconciledAsync(queued.Id);
    }

    public static async Task<StorageReconciliationBody> WhenReconciledAsync(this HttpClient admin, long id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var report = await (await admin.GetAsync($"/api/v1/storage/reconciliations/{id}")).ShouldBeAsync<StorageReconciliationBody>(HttpStatusCode.OK);
            if (report.State is "completed" or "failed")
                return report;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Storage reconciliation {id} is still {report.State}.");
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// The reconciler's own comparison, no grace: every file in the store has its record and every record its file.
    /// For tests that have finished writing (nothing in flight), after which any difference is a fault.
    /// </summary>
    public static Task<StorageComparisonResult> CompareStoreAsync(this StudioApiFactory app) => app.CompareStoreAsyncWithGrace(TimeSpan.Zero);

    public static async Task<StorageComparisonResult> CompareStoreAsyncWithGrace(this StudioApiFactory app, TimeSpan grace)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StorageComparison>().CompareAsync(grace, CancellationToken.None);
    }

    public static async Task StoreShouldMatchRecordsAsync(this StudioApiFactory app, string because)
    {
        var found = await app.CompareStoreAsync();
        found.Orphans.Select(o => o.Key).ShouldBeEmpty($"{because}: files without a record");
        found.Missing.Select(m => $"{m.RecordKind} {m.RecordId}: {m.Key}").ShouldBeEmpty($"{because}: records without their file");
    }
}

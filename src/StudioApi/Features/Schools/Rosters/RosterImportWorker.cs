using System.Linq.Expressions;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using StudioApi.Platform.Background;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Schools.Rosters;

/// <summary>Wakes the roster import worker: a big file was queued.</summary>
public sealed class RosterImportSignal : WakeSignal;

/// <summary>
/// Decides which roster files run on the background engine (more rows than <c>Rosters:BackgroundRows</c>, default
/// 2,000, or more bytes than <c>Rosters:BackgroundBytes</c>, default 5 MB) and queues them: the import record (queued,
/// with its row count for progress) and the file with its CSV mapping, in one transaction, the worker woken after it.
/// </summary>
public sealed class RosterImportQueue(StudioDbContext db, RosterImportSignal signal, IConfiguration configuration)
{
    public bool IsBig(int rows, long bytes) =>
        rows > configuration.GetValue("Rosters:BackgroundRows", 2000) || bytes > configuration.GetValue("Rosters:BackgroundBytes", 5L * 1024 * 1024);

    public Task<RosterImport> EnqueueAsync(long organizationId, OneRosterPackage package, byte[] file, CsvRosterMapping? mapping, bool dryRun,
        CancellationToken ct) =>
        db.InTransactionAsync(async () =>
        {
            var import = new RosterImport
            {
                OrganizationId = organizationId, SpecVersion = package.Version, Mode = package.Mode, DryRun = dryRun, Format = package.Format,
                State = RosterImportState.Queued,
                Total = package.Format == RosterImportFormat.Csv ? package.Rows("users").Count(r => r["role"] == "student") : package.Rows("users").Count,
            };
            db.Add(import);
            await db.SaveChangesAsync(ct);
            db.Add(new RosterImportUpload { ImportId = import.Id, Content = file, Mapping = mapping is null ? null : JsonSerializer.Serialize(mapping) });
            await db.SaveChangesAsync(ct);
            db.AfterCommit(_ =>
            {
                signal.Wake();
                return Task.CompletedTask;
            });
            return import;
        }, ct);
}

/// <summary>
/// Imports queued roster files on the background engine (kind <see cref="Kind"/>, settings <c>Background:RosterImports</c>):
/// the same importer as a small file's request, into the queued record, its progress (processed of total) written every
/// few hundred rows. The file goes with the import's own transaction, so a crash before it leaves the import to run again
/// from the start; one whose report is already written is done. A file the importer refuses fails at once with the reason.
/// </summary>
public sealed class RosterImportWorker(StudioDbContext db, OneRosterImporter importer) : WorkQueue<RosterImport>
{
    public const string Kind = "rosterImports";

    static readonly Expression<Func<RosterImport, WorkLease>> LeaseColumns = i => i.Work;
    static readonly Expression<Func<RosterImport, DateTime>> Created = i => i.CreatedAt;
    static readonly Expression<Func<RosterImport, bool>> QueuedOrRunning = i => i.State == RosterImportState.Queued || i.State == RosterImportState.Running;

    public override Expression<Func<RosterImport, WorkLease>> Lease => LeaseColumns;
    public override Expression<Func<RosterImport, DateTime>> CreatedAt => Created;
    public override Expression<Func<RosterImport, bool>> Waiting => QueuedOrRunning;

    public override void OnClaimed(UpdateSettersBuilder<RosterImport> set, DateTime now) => set.SetProperty(i => i.State, RosterImportState.Running);

    public override async Task ProcessAsync(RosterImport record, CancellationToken ct)
    {
        var import = await db.Set<RosterImport>().SingleAsync(i => i.Id == record.Id, ct);
        if (import.Rows.Count > 0)
            return;
        var upload = await db.Set<RosterImportUpload>().SingleOrDefaultAsync(u => u.ImportId == import.Id, ct)
                     ?? throw new ApiProblem(StatusCodes.Status500InternalServerError, "Roster file missing", "The queued roster file is gone.");
        var package = import.Format == RosterImportFormat.Csv
            ? CsvRoster.Read(upload.Content, JsonSerializer.Deserialize<CsvRosterMapping>(upload.Mapping ?? "{}") ?? new(), import.Mode)
            : OneRosterPackage.Read(upload.Content);
        if (!import.DryRun)
            db.Remove(upload);
        await importer.ImportAsync(import.OrganizationId, package, import.DryRun, ct, into: import,
            progress: done => db.Set<RosterImport>().Where(i => i.Id == import.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Processed, done), ct));
        if (import.DryRun)
            await db.Set<RosterImportUpload>().Where(u => u.ImportId == import.Id).ExecuteDeleteAsync(ct);
    }

    public override void OnDone(UpdateSettersBuilder<RosterImport> set, DateTime now) => set
        .SetProperty(i => i.State, RosterImportState.Completed)
        .SetProperty(i => i.Processed, i => i.Total);

    public override void OnFailed(UpdateSettersBuilder<RosterImport> set, string error, DateTime now) => set
        .SetProperty(i => i.State, RosterImportState.Failed)
        .SetProperty(i => i.Error, error.Length <= 1000 ? error : error[..1000]);

    // A file the importer refuses (an unknown school, bad CSV) is refused again on every attempt.
    public override bool IsWorthRetrying(Exception failure) => failure is not ApiProblem;
}

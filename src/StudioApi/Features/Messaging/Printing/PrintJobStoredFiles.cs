using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Storage;

namespace StudioApi.Features.Messaging.Printing;

/// <summary>The print jobs' PDFs, recycle bin included, for the storage reconciler: each written before its row.</summary>
public sealed class PrintJobStoredFiles(StudioDbContext db) : IStoredFileOwner
{
    public async IAsyncEnumerable<ExpectedFile> ExpectedFilesAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var job in db.PrintJobs.IgnoreQueryFilters().AsNoTracking().Select(p => new { p.Id, p.StorageKey }).AsAsyncEnumerable().WithCancellation(ct))
            yield return new ExpectedFile(job.StorageKey, Required: true, "printJob", job.Id);
    }
}

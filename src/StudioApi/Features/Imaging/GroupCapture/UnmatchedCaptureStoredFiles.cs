using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Storage;

namespace StudioApi.Features.Imaging.GroupCapture;

/// <summary>The held file of every unmatched capture, for the storage reconciler.</summary>
public sealed class UnmatchedCaptureStoredFiles(StudioDbContext db) : IStoredFileOwner
{
    public const string RecordKind = "unmatchedCapture";

    public async IAsyncEnumerable<ExpectedFile> ExpectedFilesAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var captures = db.UnmatchedCaptures.IgnoreQueryFilters().AsNoTracking().Select(c => new { c.Id, c.StorageKey });
        await foreach (var capture in captures.AsAsyncEnumerable().WithCancellation(ct))
            yield return new ExpectedFile(capture.StorageKey, Required: true, RecordKind, capture.Id);
    }
}

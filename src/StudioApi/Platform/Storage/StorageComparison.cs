namespace StudioApi.Platform.Storage;

/// <summary>What a comparison of the file store with the database found.</summary>
public sealed record StorageComparisonResult(
    int FilesChecked,
    int ExpectedFiles,
    IReadOnlyList<StoredFileEntry> Orphans,
    IReadOnlyList<StoredFileEntry> Unsettled,
    IReadOnlyList<ExpectedFile> Missing);

/// <summary>
/// Compares the file store with what the records of every <see cref="IStoredFileOwner"/> expect: files no record
/// accounts for (orphans) and records whose file is not there (missing). Safe while imports and renders go on, because
/// files are written before the rows that point at them commit, and rows deleted before their files go:
/// <list type="bullet">
/// <item>the records are read first, then the store, so a record's file (written before it committed) is listed;</item>
/// <item>a file no record accounts for is judged only if it was last written longer ago than the grace period (an
/// import between writing its file and committing its row is younger), and only if a second reading of the records,
/// after the listing, still has no record of it; younger ones are "unsettled", left for the next time;</item>
/// <item>a record whose file was not listed is missing only if the second reading still requires that file (not
/// purged meanwhile) and the store still has no such file when asked for it directly.</item>
/// </list>
/// The storage reconciler quarantines the orphans; the race and kill tests use the same comparison as their invariant.
/// </summary>
public sealed class StorageComparison(IFileStore store, IEnumerable<IStoredFileOwner> owners, TimeProvider clock)
{
    public async Task<StorageComparisonResult> CompareAsync(TimeSpan grace, CancellationToken ct)
    {
        var before = await ExpectedAsync(ct);
        var present = new HashSet<string>(StringComparer.Ordinal);
        var unknown = new List<StoredFileEntry>();
        await foreach (var file in store.ListAsync(ct))
        {
            present.Add(file.Key);
            if (!before.ContainsKey(file.Key))
                unknown.Add(file);
        }
        var notListed = before.Values.Where(e => e.Required && !present.Contains(e.Key)).ToList();
        if (unknown.Count == 0 && notListed.Count == 0)
            return new StorageComparisonResult(present.Count, before.Count, [], [], []);

        var after = await ExpectedAsync(ct);
        var settledBefore = clock.GetUtcNow().UtcDateTime - grace;
        var orphans = new List<StoredFileEntry>();
        var unsettled = new List<StoredFileEntry>();
        foreach (var file in unknown.Where(f => !after.ContainsKey(f.Key)))
            (file.LastModified <= settledBefore ? orphans : unsettled).Add(file);

        var missing = new List<ExpectedFile>();
        foreach (var expected in notListed)
        {
            if (!after.TryGetValue(expected.Key, out var still) || !still.Required)
                continue;
            var stored = await store.OpenReadAsync(expected.Key, ct);
            if (stored is null)
                missing.Add(expected);
            else
                await stored.Content.DisposeAsync(); // written since the listing
        }
        return new StorageComparisonResult(present.Count, before.Count, orphans, unsettled, missing);
    }

    async Task<Dictionary<string, ExpectedFile>> ExpectedAsync(CancellationToken ct)
    {
        var expected = new Dictionary<string, ExpectedFile>(StringComparer.Ordinal);
        foreach (var owner in owners)
            await foreach (var file in owner.ExpectedFilesAsync(ct))
                // Two records of one file: it is required if either requires it.
                if (!expected.TryGetValue(file.Key, out var known) || (file.Required && !known.Required))
                    expected[file.Key] = file;
        return expected;
    }
}

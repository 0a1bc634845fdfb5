namespace StudioApi.Platform.Storage;

/// <summary>
/// Files on the local disk under <c>&lt;data directory&gt;/files</c>; temporary files in its <c>.tmp</c> folder (same
/// volume, so a move is a rename) and quarantined ones in its <c>.quarantine</c> folder (no key starts with a dot).
/// </summary>
public sealed class LocalFileStore : IFileStore
{
    public const string QuarantineFolder = ".quarantine";
    const string TempFolder = ".tmp";

    readonly string root;
    readonly string tempDirectory;
    readonly string quarantineDirectory;

    public LocalFileStore(string dataDirectory)
    {
        root = Path.GetFullPath(Path.Combine(dataDirectory, "files"));
        tempDirectory = Path.Combine(root, TempFolder); // created on first use
        quarantineDirectory = Path.Combine(root, QuarantineFolder);
    }

    public TempFile CreateTempFile(string purpose)
    {
        Directory.CreateDirectory(tempDirectory);
        var path = Path.Combine(tempDirectory, $"{purpose}-{Guid.NewGuid():N}.part");
        File.Create(path).Dispose();
        return new TempFile(path);
    }

    public Task PutAsync(string key, TempFile file, CancellationToken ct)
    {
        var target = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(file.Path, target, overwrite: true);
        return Task.CompletedTask;
    }

    public async Task CopyAsync(string fromKey, string toKey, CancellationToken ct)
    {
        // Through a temporary file, so the target is never seen half written.
        var source = PathOf(fromKey);
        using var temp = CreateTempFile("copy");
        await using (var from = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan))
        await using (var to = new FileStream(temp.Path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
        {
            await from.CopyToAsync(to, ct);
            to.Flush(flushToDisk: true);
        }
        await PutAsync(toKey, temp, ct);
    }

    public Task<StoredFile?> OpenReadAsync(string key, CancellationToken ct)
    {
        var info = new FileInfo(PathOf(key));
        if (!info.Exists)
            return Task.FromResult<StoredFile?>(null);
        Stream content = new FileStream(info.FullName, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete,
            bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return Task.FromResult<StoredFile?>(new StoredFile(content, info.Length, new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero)));
    }

    public Task DeleteAsync(string key, CancellationToken ct)
    {
        try
        {
            File.Delete(PathOf(key));
        }
        catch (DirectoryNotFoundException)
        {
            // Its folder is gone too: nothing to delete.
        }
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<StoredFileEntry> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        if (!Directory.Exists(root))
            yield break;
        foreach (var directory in Directory.EnumerateDirectories(root))
        {
            if (Path.GetFileName(directory).StartsWith('.'))
                continue; // temporary and quarantined files
            foreach (var entry in Entries(directory, SearchOption.AllDirectories))
            {
                ct.ThrowIfCancellationRequested();
                yield return entry;
            }
            await Task.Yield();
        }
        foreach (var entry in Entries(root, SearchOption.TopDirectoryOnly))
            yield return entry;
    }

    public async IAsyncEnumerable<StoredFileEntry> ListTemporaryAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        if (!Directory.Exists(tempDirectory))
            yield break;
        foreach (var path in Directory.EnumerateFiles(tempDirectory))
        {
            ct.ThrowIfCancellationRequested();
            var info = new FileInfo(path);
            if (info.Exists)
                yield return new StoredFileEntry(info.Name, info.Length, info.LastWriteTimeUtc);
        }
        await Task.CompletedTask;
    }

    public Task<string?> QuarantineAsync(string key, string folder, bool temporary, CancellationToken ct)
    {
        if (folder.Length == 0 || folder.Contains('/') || folder.Contains('\\') || folder.StartsWith('.'))
            throw new ArgumentException($"'{folder}' is not a quarantine folder name.", nameof(folder));
        var source = temporary ? TempPathOf(key) : PathOf(key);
        var relative = temporary ? $"{TempFolder}/{key}" : key;
        var target = Path.GetFullPath(Path.Combine(quarantineDirectory, folder, relative));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        try
        {
            File.Move(source, target, overwrite: true);
        }
        catch (FileNotFoundException)
        {
            return Task.FromResult<string?>(null);
        }
        catch (DirectoryNotFoundException)
        {
            return Task.FromResult<string?>(null);
        }
        return Task.FromResult<string?>(Path.GetRelativePath(Path.GetDirectoryName(root)!, target).Replace('\\', '/'));
    }

    /// <summary>Lazily, so a store of millions of files is never listed whole in memory; a folder removed meanwhile ends its part.</summary>
    IEnumerable<StoredFileEntry> Entries(string directory, SearchOption depth)
    {
        using var paths = Directory.EnumerateFiles(directory, "*", new EnumerationOptions
        {
            RecurseSubdirectories = depth == SearchOption.AllDirectories,
            IgnoreInaccessible = true,
            AttributesToSkip = 0,
        }).GetEnumerator();
        while (true)
        {
            string path;
            try
            {
                if (!paths.MoveNext())
                    yield break;
                path = paths.Current;
            }
            catch (DirectoryNotFoundException)
            {
                yield break;
            }
            var info = new FileInfo(path);
            if (info.Exists) // not deleted since it was listed
                yield return new StoredFileEntry(Path.GetRelativePath(root, path).Replace('\\', '/'), info.Length, info.LastWriteTimeUtc);
        }
    }

    string TempPathOf(string name)
    {
        var path = Path.GetFullPath(Path.Combine(tempDirectory, name));
        if (Path.GetDirectoryName(path) != tempDirectory)
            throw new ArgumentException($"'{name}' is not a temporary file.", nameof(name));
        return path;
    }

    /// <summary>Keys are the server's own, but a key that would leave the root is refused all the same.</summary>
    string PathOf(string key)
    {
        var path = Path.GetFullPath(Path.Combine(root, key));
        if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || key.StartsWith('.'))
            throw new ArgumentException($"Storage key '{key}' is outside the store.", nameof(key));
        return path;
    }
}

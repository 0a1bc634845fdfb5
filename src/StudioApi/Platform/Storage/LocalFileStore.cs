namespace StudioApi.Platform.Storage;

/// <summary>Files on the local disk under <c>&lt;data directory&gt;/files</c>; temporary files in its <c>.tmp</c> folder (same volume, so a move is a rename).</summary>
public sealed class LocalFileStore : IFileStore
{
    readonly string root;
    readonly string tempDirectory;

    public LocalFileStore(string dataDirectory)
    {
        root = Path.GetFullPath(Path.Combine(dataDirectory, "files"));
        tempDirectory = Path.Combine(root, ".tmp"); // created on first use
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
        File.Delete(PathOf(key));
        return Task.CompletedTask;
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

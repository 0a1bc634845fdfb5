namespace StudioApi.Platform.Storage;

/// <summary>
/// Where the studio's files live (originals and renditions). Keys are made by the server (e.g.
/// <c>sessions/12/345/original.jpg</c>), never taken from client input. Files arrive through a temporary file the
/// caller has written and verified, then are moved into place in one step, so a reader never sees a half file.
/// Small on purpose, so a blob store can implement it for multi-server deployments.
/// </summary>
public interface IFileStore
{
    /// <summary>A new empty temporary file on local disk, for streaming an upload or a rendition into; its name starts with <paramref name="purpose"/>.</summary>
    TempFile CreateTempFile(string purpose);

    /// <summary>Moves a verified temporary file into place under <paramref name="key"/>, replacing what was there.</summary>
    Task PutAsync(string key, TempFile file, CancellationToken ct);

    /// <summary>
    /// Copies a stored file to another key (a held file filed into a session), replacing what was there. A copy, not
    /// a move: the source goes only once the database has let go of it, so a crash in between leaves a spare file for
    /// the reconciler, never a record without its file.
    /// </summary>
    Task CopyAsync(string fromKey, string toKey, CancellationToken ct);

    /// <summary>The file under <paramref name="key"/>, or null when there is none.</summary>
    Task<StoredFile?> OpenReadAsync(string key, CancellationToken ct);


    /// <summary>Deletes the file if it exists.</summary>
    Task DeleteAsync(string key, CancellationToken ct);

    /// <summary>Every stored file, in no particular order: temporary and quarantined files are not stored files.</summary>
    IAsyncEnumerable<StoredFileEntry> ListAsync(CancellationToken ct);

    /// <summary>The temporary files (<see cref="CreateTempFile"/>) there are now, each named by its file name.</summary>
    IAsyncEnumerable<StoredFileEntry> ListTemporaryAsync(CancellationToken ct);

    /// <summary>
    /// Moves a stored file (or, with <paramref name="temporary"/>, a temporary file by its name) out of the store into
    /// the quarantine folder <paramref name="folder"/>, under its key: kept for someone to look at, never deleted.
    /// Returns where it went (relative to the data directory), or null when the file was gone already.
    /// </summary>
    Task<string?> QuarantineAsync(string key, string folder, bool temporary, CancellationToken ct);
}

/// <summary>A file in the store: its key, size and when it was last written.</summary>
public sealed record StoredFileEntry(string Key, long Length, DateTime LastModified);

/// <summary>An open stored file: its content (the caller disposes it), length and when it was last written.</summary>
public sealed record StoredFile(Stream Content, long Length, DateTimeOffset LastModified);

/// <summary>A temporary file that deletes itself on dispose unless it was moved into the store.</summary>
public sealed class TempFile(string path) : IDisposable
{
    public string Path { get; } = path;

    public void Dispose()
    {
        try { File.Delete(Path); } catch (IOException) { } // already moved, or gone
    }
}

namespace StudioApi.Platform.Storage;

/// <summary>
/// A stored file as a path on local disk, for libraries that open files themselves (libvips decodes with random
/// access and shrink-on-load): the store's own file while it is on local disk, held open while in use, or else (a
/// blob store) a temporary copy that goes on dispose.
/// </summary>
public sealed class LocalFile : IAsyncDisposable
{
    readonly Stream? held;
    readonly TempFile? copy;

    LocalFile(string path, Stream? held, TempFile? copy) => (Path, this.held, this.copy) = (path, held, copy);

    public string Path { get; }

    /// <summary>The file under <paramref name="key"/> on local disk, or null when the store has none.</summary>
    public static async Task<LocalFile?> OpenAsync(IFileStore store, string key, CancellationToken ct)
    {
        var stored = await store.OpenReadAsync(key, ct);
        if (stored is null)
            return null;
        if (stored.Content is FileStream local)
            return new LocalFile(local.Name, local, null);
        var copy = store.CreateTempFile("local");
        await using (stored.Content)
        await using (var target = File.Create(copy.Path))
            await stored.Content.CopyToAsync(target, ct);
        return new LocalFile(copy.Path, null, copy);
    }

    public async ValueTask DisposeAsync()
    {
        if (held is not null)
            await held.DisposeAsync();
        copy?.Dispose();
    }
}

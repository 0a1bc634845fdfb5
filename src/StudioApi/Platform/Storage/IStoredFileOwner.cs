namespace StudioApi.Platform.Storage;

/// <summary>
/// Records of one kind that point at files in the store (a session's images, held captures, render runs' output…),
/// declared by the area that owns them (<c>services.AddScoped&lt;IStoredFileOwner, …&gt;()</c> in its Add&lt;Area&gt;()),
/// so the storage reconciler (<see cref="StorageComparison"/>) learns which files are expected without knowing any
/// area. A new kind of record with files is one more owner: a file no owner accounts for is an orphan.
/// </summary>
public interface IStoredFileOwner
{
    /// <summary>
    /// Every key the owner's records point at now, recycle bin included: <see cref="ExpectedFile.Required"/> when a
    /// record is done with its file (an imported original, a rendition once ready), otherwise allowed (a rendition
    /// being made may be in the store before its image says ready). Read in the caller's scope.
    /// </summary>
    IAsyncEnumerable<ExpectedFile> ExpectedFilesAsync(CancellationToken ct);
}

/// <summary>A key a record points at, and which record (its kind, as the API names it, and id) for the report.</summary>
public readonly record struct ExpectedFile(string Key, bool Required, string RecordKind, long RecordId);

using System.Buffers;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StudioApi.Features.Imaging.Images.Renditions;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Storage;
using StudioApi.Features.Clients;
using StudioApi.Features.Scheduling;
using StudioApi.Features.Scheduling.Sessions;

namespace StudioApi.Features.Imaging.Images.Import;

/// <summary>
/// Imports one uploaded file into a session: streamed to a temporary file while hashing (never held in memory),
/// checked by its bytes, size, header and pixel count, flushed and verified, moved into place and only then recorded.
/// A failure at any step leaves neither a half file nor a row without a file.
/// </summary>
public sealed class SessionImageImporter(StudioDbContext db, IFileStore store, IOptions<ImageOptions> options, RenditionSignal renditions)
{
    const int BufferSize = 128 * 1024;
    readonly ImageOptions limits = options.Value;

    public async Task<ImportedFile> ImportAsync(long sessionId, int index, string? fileName, Stream content, CancellationToken ct)
    {
        var name = ImageInspection.SanitizeFileName(fileName);
        using var temp = store.CreateTempFile("upload");
        try
        {
            var (format, length, sha) = await ReceiveAsync(content, temp.Path, ct);

            if (await DuplicateOfAsync(sessionId, sha, ct) is { } existing)
                return ImportedFile.Duplicate(index, name, existing);

            var facts = await CheckAsync(temp.Path, format, length, sha, ct);
            var key = KeyFor(sessionId, format);
            await store.PutAsync(key, temp, ct);
            return await RecordAsync(sessionId, index, name, facts, key, onFailure: k => store.DeleteAsync(k, CancellationToken.None), ct);
        }
        catch (ApiProblem problem)
        {
            return ImportedFile.Rejected(index, name, problem);
        }
    }

    /// <summary>
    /// Files an image that is already in the store (a held group-capture file) into a session, as a copy under the
    /// session's key: the caller removes the held file once its own record of it is gone for good (after commit), so
    /// a failure at any point leaves the held file and its record as they were. Call inside the caller's transaction.
    /// </summary>
    public async Task<ImportedFile> ImportStoredAsync(long sessionId, string name, ImageFacts facts, string storedKey, CancellationToken ct)
    {
        if (await DuplicateOfAsync(sessionId, facts.Sha256, ct) is { } existing)
            return ImportedFile.Duplicate(0, name, existing);
        var key = KeyFor(sessionId, facts.Format);
        await store.CopyAsync(storedKey, key, ct);
        return await RecordAsync(sessionId, 0, name, facts, key, onFailure: k => store.DeleteAsync(k, CancellationToken.None), ct);
    }

    /// <summary>Reads an upload into a temporary file and checks it (content, size, pixels, what reached the disk); throws the <see cref="ApiProblem"/> that refuses it.</summary>
    public async Task<ImageFacts> ReceiveCheckedAsync(Stream content, TempFile temp, CancellationToken ct)
    {
        var (format, length, sha) = await ReceiveAsync(content, temp.Path, ct);
        return await CheckAsync(temp.Path, format, length, sha, ct);
    }

    static string KeyFor(long sessionId, ImageFormat format) =>
        $"sessions/{sessionId}/{Guid.NewGuid():N}/original.{ImageInspection.Extension(format)}";

    async Task<ImageFacts> CheckAsync(string path, ImageFormat format, long length, string sha, CancellationToken ct)
    {
        var header = await Task.Run(() => ImageInspection.Inspect(path, limits.MaxPixels), ct);
        await VerifyAsync(path, length, sha, ct);
        return new ImageFacts(format, length, sha, header);
    }

    /// <summary>Records the stored file as the session's next image; a failure (or a duplicate found meanwhile) hands the file back to <paramref name="onFailure"/>, so no file is left without its row.</summary>
    async Task<ImportedFile> RecordAsync(long sessionId, int index, string name, ImageFacts facts, string key,
        Func<string, Task> onFailure, CancellationToken ct)
    {
        var image = new SessionImage
        {
            SessionId = sessionId,
            OriginalFileName = name,
            Format = facts.Format,
            ContentType = ImageInspection.ContentType(facts.Format),
            ByteSize = facts.Length,
            Sha256 = facts.Sha256,
            Width = facts.Header.Width,
            Height = facts.Header.Height,
            Orientation = facts.Header.Orientation,
            CaptureTime = facts.Header.CaptureTime,
            CameraMake = facts.Header.CameraMake,
            CameraModel = facts.Header.CameraModel,
            StorageKey = key,
        };
        try
        {
            var duplicate = await db.InTransactionAsync(async () =>
            {
                // Deleted or purged since the upload began: 404, and the stored file goes (see SessionRows).
                await SessionRows.HoldLiveOrNotFoundAsync(db, sessionId, ct);
                var duplicate = await InsertAsync(image, ct);
                if (duplicate is null)
                {
                    await ClaimClientImageAsync(image, ct);
                    // The worker is told only once the row is committed, whoever owns the transaction.
                    db.AfterCommit(_ =>
                    {
                        renditions.Wake();
                        return Task.CompletedTask;
                    });
                }
                return duplicate;
            }, ct);
            if (duplicate is not null)
            {
                await onFailure(key);
                return ImportedFile.Duplicate(index, name, duplicate);
            }
        }
        catch
        {
            await onFailure(key); // no file without its row
            throw;
        }
        return ImportedFile.Imported(index, name, SessionImageResponse.From(image));
    }

    /// <summary>Copies the part to the temporary file, hashing as it goes; refuses it by its first bytes or its size.</summary>
    async Task<(ImageFormat Format, long Length, string Sha256)> ReceiveAsync(Stream content, string path, CancellationToken ct)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
            // The head is read in full first: the format is decided before anything is written.
            var head = 0;
            while (head < ImageInspection.SniffLength && await content.ReadAsync(buffer.AsMemory(head, ImageInspection.SniffLength - head), ct) is > 0 and var n)
                head += n;
            var format = ImageInspection.Sniff(buffer.AsSpan(0, head)) ?? throw NotAnImage();

            long length = head;
            sha.AppendData(buffer, 0, head);
            await file.WriteAsync(buffer.AsMemory(0, head), ct);
            int read;
            while ((read = await content.ReadAsync(buffer.AsMemory(0, BufferSize), ct)) > 0)
            {
                length += read;
                if (length > limits.MaxFileBytes)
                    throw TooLarge();
                sha.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), ct);
            }
            await file.FlushAsync(ct);
            file.Flush(flushToDisk: true);
            return (format, length, Convert.ToHexStringLower(sha.GetHashAndReset()));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads back what reached the disk: same length, same hash, or the file is not kept.</summary>
    static async Task VerifyAsync(string path, long length, string sha256, CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        if (file.Length != length || Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct)) != sha256)
            throw new IOException($"The temporary file {path} does not hold what was received.");
    }

    Task<SessionImage?> DuplicateOfAsync(long sessionId, string sha, CancellationToken ct) =>
        db.SessionImages.AsNoTracking().Where(i => i.SessionId == sessionId && i.Sha256 == sha).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Numbers the image within its session (<see cref="Numbering"/>: concurrent imports into one session race for a
    /// number, the loser takes the next) and inserts it; if the race was for the same file, it is a duplicate.
    /// </summary>
    async Task<SessionImage?> InsertAsync(SessionImage image, CancellationToken ct)
    {
        db.SessionImages.Add(image);
        try
        {
            await db.SaveNumberedAsync([image], ct, scope: i => i.SessionId == image.SessionId);
            return null;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            db.Entry(image).State = EntityState.Detached;
            if (await DuplicateOfAsync(image.SessionId, image.Sha256, ct) is { } duplicate)
                return duplicate;
            throw;
        }
    }

    /// <summary>The session's first image becomes its client's picture when the client has none: a real change of the client, so its version moves.</summary>
    async Task ClaimClientImageAsync(SessionImage image, CancellationToken ct)
    {
        var client = await db.Clients
            .Where(c => c.ImageId == null && db.Set<Session>().Any(s => s.Id == image.SessionId && s.ClientId == c.Id))
            .AsSplitQuery().FirstOrDefaultAsync(ct);
        if (client is null)
            return;
        client.ImageId = image.Id;
        await db.SaveChangesAsync(ct);
    }

    static ApiProblem NotAnImage() =>
        new(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
            "The file is not a JPEG, PNG, TIFF or HEIC image (judged by its content, not its name).");

    ApiProblem TooLarge() =>
        new(StatusCodes.Status413PayloadTooLarge, "Content too large",
            $"The file is larger than {limits.MaxFileBytes:N0} bytes, the most accepted per image.");
}

/// <summary>What an import learnt of a file from its bytes.</summary>
public sealed record ImageFacts(ImageFormat Format, long Length, string Sha256, ImageHeader Header);

public enum ImportOutcome
{
    Imported,
    Duplicate,
    Rejected,
}

/// <summary>What became of one file of an upload.</summary>
public sealed class ImportedFile
{
    /// <summary>Position of the file in the upload, from 0.</summary>
    public int Index { get; init; }
    [System.ComponentModel.DataAnnotations.MaxLength(SessionImageLimits.FileNameLength)]
    public required string FileName { get; init; }
    public ImportOutcome Outcome { get; init; }
    /// <summary>The new image, when imported.</summary>
    public SessionImageResponse? Image { get; init; }
    /// <summary>For a duplicate: the image of the session that already has this content.</summary>
    public long? DuplicateOfId { get; init; }
    public int? DuplicateOfNumber { get; init; }
    /// <summary>Why the file was refused, when rejected.</summary>
    public ImportProblem? Problem { get; init; }

    public static ImportedFile Imported(int index, string name, SessionImageResponse image) =>
        new() { Index = index, FileName = name, Outcome = ImportOutcome.Imported, Image = image };

    public static ImportedFile Duplicate(int index, string name, SessionImage existing) =>
        new() { Index = index, FileName = name, Outcome = ImportOutcome.Duplicate, DuplicateOfId = existing.Id, DuplicateOfNumber = existing.Number };

    public static ImportedFile Rejected(int index, string name, ApiProblem problem) =>
        new() { Index = index, FileName = name, Outcome = ImportOutcome.Rejected, Problem = new ImportProblem { Status = problem.Status, Title = problem.Title, Detail = problem.Detail ?? problem.Title } };
}

/// <summary>The problem (RFC 9457 fields) that refused one file.</summary>
public sealed class ImportProblem
{
    public int Status { get; init; }
    [System.ComponentModel.DataAnnotations.MaxLength(100)]
    public required string Title { get; init; }
    [System.ComponentModel.DataAnnotations.MaxLength(1000)]
    public required string Detail { get; init; }
}

using System.ComponentModel.DataAnnotations;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StudioApi.Features.Imaging.Images;
using StudioApi.Features.Imaging.Images.Import;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Storage;
using StudioApi.Features.Clients;
using StudioApi.Features.Scheduling;

namespace StudioApi.Features.Imaging.GroupCapture.Upload;

public sealed class GroupCaptureRequest
{
    public long Id { get; set; }

    /// <summary>The picture day: only sessions on this date are matched. Omit to match any live session of the organization.</summary>
    [QueryParam]
    public DateOnly? Date { get; set; }

    /// <summary>
    /// true: the files are a card-and-photo stream in capture order. A photo of a capture card (its QR code names a
    /// session of the organization) starts that student's run and is not imported; the photos after it go to that
    /// session until the next card. Photos before any readable card are matched by name as usual, else held.
    /// </summary>
    [QueryParam]
    public bool? Cards { get; set; }

    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }
}

public enum CaptureOutcome
{
    Imported,
    Duplicate,
    Unmatched,
    Rejected,
    /// <summary>A capture card: it starts its session's run and is not imported.</summary>
    Card,
}

/// <summary>What became of one file of a group capture.</summary>
public sealed class CapturedFile
{
    /// <summary>Position of the file in the upload, from 0.</summary>
    public int Index { get; init; }
    [MaxLength(SessionImageLimits.FileNameLength)]
    public required string FileName { get; init; }
    public CaptureOutcome Outcome { get; init; }
    /// <summary>The session the file was matched to (imported or duplicate), or that a card names.</summary>
    public long? SessionId { get; init; }
    /// <summary>The new image, or for a duplicate the session's image that already has this content.</summary>
    public long? ImageId { get; init; }
    public int? ImageNumber { get; init; }
    /// <summary>Where an unmatched file is held until it is assigned (POST /unmatched-captures/{id}/assign).</summary>
    public long? UnmatchedCaptureId { get; init; }
    /// <summary>Why it was not matched, or why it was refused.</summary>
    [MaxLength(1000)]
    public string? Reason { get; init; }
}

public sealed class GroupCaptureResponse
{
    [MaxLength(ImageOptions.DefaultMaxFilesPerRequest)]
    public required IReadOnlyList<CapturedFile> Files { get; init; }
}

/// <summary>
/// A picture day's files for an organization, each named by the student id or session number it is of (with an
/// optional pose suffix). Matched files go through the same import as a session upload; the others are checked the
/// same way and held as unmatched captures, never dropped. Always 200 with a result per file.
/// </summary>
public sealed class GroupCaptureEndpoint(StudioDbContext db, SessionImageImporter importer, IFileStore store, IOptions<ImageOptions> options)
    : Endpoint<GroupCaptureRequest, GroupCaptureResponse>
{
    public override void Configure()
    {
        Post("/organizations/{id}/group-capture");
        Roles(Platform.Auth.Roles.SessionStaff);
        AllowFileUploads(dontAutoBindFormData: true);
        Description(d => d
            .AcceptsFiles("files", ImageOptions.DefaultMaxFilesPerRequest,
                "Image files named by student id or session number (IMG base name, optionally with a pose suffix such as 1234_2.jpg).")
            .Answers(StatusCodes.Status413PayloadTooLarge, "The upload is over Images:MaxRequestBytes or has too many files.")
            .Answers(StatusCodes.Status415UnsupportedMediaType, "The body is not multipart/form-data.")
            .Operation("GroupCapture", "Upload",
                "Upload a picture day's files",
                "Each file is matched to its session by student id or session number and imported, or held as an "
                + "unmatched capture. With cards=true the files are a card-and-photo stream in capture order: a photo whose "
                + "QR code (a capture card's, STUDIOAPI-SESSION:<id>) names a session of the organization (on date) starts "
                + "that student's run and is not imported (outcome card); the photos after it go to that session; photos "
                + "before any readable card are matched by name, else held as unmatched captures, never lost; a card of another "
                + "organization's or day's session, or a card whose QR code cannot be read, is held, with the photos after it, until "
                + "the next card of this day.")
            .AcceptsIdempotencyKey(streamedBody: true));
    }

    public override async Task HandleAsync(GroupCaptureRequest req, CancellationToken ct)
    {
        if (!await db.Organizations.AnyAsync(o => o.Id == req.Id, ct))
            throw ApiProblem.NotFound("organization", req.Id);

        var sessions = db.Sessions.AsNoTracking().Where(s => s.OrganizationId == req.Id);
        if (req.Date is { } day)
            sessions = sessions.Where(s => s.Date == day);
        var candidates = await sessions.Select(s => new CaptureCandidate(s.Id, s.Number, s.StudentId)).ToListAsync(ct);
        var matcher = new CaptureMatcher(candidates);

        var results = new List<CapturedFile>();
        var known = candidates.Select(c => c.SessionId).ToHashSet();
        long? run = null;
        // Why the photos after a card that cannot be filed (another day's, unreadable) are held, until the next card.
        string? holdAfter = null;
        await foreach (var file in ImageUploadParts.ReadAsync(HttpContext, options.Value, ct))
        {
            if (req.Cards != true)
            {
                var (sessionId, reason) = matcher.Match(file.FileName);
                results.Add(await ImportOrHoldAsync(req, file.Index, file.FileName, sessionId, reason, file.Content, ct));
                continue;
            }
            // Read whole first: the QR code is looked for before the file goes anywhere.
            using var temp = store.CreateTempFile("capture");
            await using (var copy = File.Create(temp.Path))
                await file.Content.CopyToAsync(copy, ct);
            var card = await Task.Run(() => CaptureCardCode.Read(temp.Path), ct);
            if (card.SessionId is { } ours && known.Contains(ours))
            {
                (run, holdAfter) = (ours, null);
                results.Add(new CapturedFile { Index = file.Index, FileName = file.FileName, Outcome = CaptureOutcome.Card, SessionId = ours });
                continue;
            }
            // A card of another school's or day's session, or one whose code cannot be read, starts a run that is not
            // this day's known student's: it and the photos after it are held, never filed as the previous student's.
            (long? SessionId, string? Reason) to;
            if (card.SessionId is { } other)
            {
                (run, holdAfter) = (null, $"After the capture card of session {other}, which is not a session of this organization{OnDay(req)}.");
                to = (null, $"A capture card of session {other}, which is not a session of this organization{OnDay(req)}.");
            }
            else if (card.Unreadable)
            {
                (run, holdAfter) = (null, $"After {file.FileName}, a capture card whose QR code could not be read.");
                to = (null, "A capture card whose QR code could not be read (blurred, covered or at a steep angle); the photos after it are held until the next card.");
            }
            else
                to = holdAfter is { } why ? (null, why) : run is { } current ? (current, null) : BeforeAnyCard(matcher.Match(file.FileName));
            await using var content = File.OpenRead(temp.Path);
            results.Add(await ImportOrHoldAsync(req, file.Index, file.FileName, to.SessionId, to.Reason, content, ct));
        }
        await Send.OkAsync(new GroupCaptureResponse { Files = results }, ct);
    }

    /// <summary>Imports the file into its session, or without one holds it as an unmatched capture saying why.</summary>
    async Task<CapturedFile> ImportOrHoldAsync(GroupCaptureRequest req, int index, string name, long? sessionId, string? reason,
        Stream content, CancellationToken ct) =>
        sessionId is { } id
            ? Captured(id, await importer.ImportAsync(id, index, name, content, ct))
            : await HoldAsync(req, index, name, reason!, content, ct);

    static (long? SessionId, string? Reason) BeforeAnyCard((long? SessionId, string? Reason) match) =>
        match.SessionId is null ? (null, $"Before any readable capture card: {match.Reason}") : match;

    static string OnDay(GroupCaptureRequest req) =>
        req.Date is { } day ? $" on {day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}" : "";

    static CapturedFile Captured(long sessionId, ImportedFile file) => new()
    {
        Index = file.Index,
        FileName = file.FileName,
        SessionId = sessionId,
        Outcome = file.Outcome switch
        {
            ImportOutcome.Imported => CaptureOutcome.Imported,
            ImportOutcome.Duplicate => CaptureOutcome.Duplicate,
            _ => CaptureOutcome.Rejected,
        },
        ImageId = file.Image?.Id ?? file.DuplicateOfId,
        ImageNumber = file.Image?.Number ?? file.DuplicateOfNumber,
        Reason = file.Problem?.Detail,
    };

    /// <summary>Checks the file like any import and keeps it as an unmatched capture (once per content: a retry finds the one held).</summary>
    async Task<CapturedFile> HoldAsync(GroupCaptureRequest req, int index, string name, string reason, Stream content, CancellationToken ct)
    {
        using var temp = store.CreateTempFile("upload");
        ImageFacts facts;
        try
        {
            facts = await importer.ReceiveCheckedAsync(content, temp, ct);
        }
        catch (ApiProblem problem)
        {
            return new CapturedFile { Index = index, FileName = name, Outcome = CaptureOutcome.Rejected, Reason = problem.Detail ?? problem.Title };
        }
        var held = await db.UnmatchedCaptures.AsNoTracking().FirstOrDefaultAsync(c => c.OrganizationId == req.Id && c.Sha256 == facts.Sha256, ct);
        if (held is null)
        {
            var key = $"organizations/{req.Id}/unmatched/{Guid.NewGuid():N}/original.{ImageInspection.Extension(facts.Format)}";
            await store.PutAsync(key, temp, ct);
            held = new UnmatchedCapture
            {
                OrganizationId = req.Id,
                OriginalFileName = name,
                PictureDate = req.Date,
                Reason = reason.Length > UnmatchedCaptureConfiguration.ReasonLength ? reason[..UnmatchedCaptureConfiguration.ReasonLength] : reason,
                StorageKey = key,
                Format = facts.Format,
                ByteSize = facts.Length,
                Sha256 = facts.Sha256,
                Width = facts.Header.Width,
                Height = facts.Header.Height,
                Orientation = facts.Header.Orientation,
                CaptureTime = facts.Header.CaptureTime,
                CameraMake = facts.Header.CameraMake,
                CameraModel = facts.Header.CameraModel,
            };
            db.UnmatchedCaptures.Add(held);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                // The same file held by a concurrent upload a moment ago: that one stands.
                db.Entry(held).State = EntityState.Detached;
                await store.DeleteAsync(key, CancellationToken.None);
                held = await db.UnmatchedCaptures.AsNoTracking().FirstAsync(c => c.OrganizationId == req.Id && c.Sha256 == facts.Sha256, ct);
            }
            catch
            {
                await store.DeleteAsync(key, CancellationToken.None); // no file without its row
                throw;
            }
        }
        return new CapturedFile { Index = index, FileName = name, Outcome = CaptureOutcome.Unmatched, UnmatchedCaptureId = held.Id, Reason = reason };
    }
}

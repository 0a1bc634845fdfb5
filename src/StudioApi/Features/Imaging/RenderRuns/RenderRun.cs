using StudioApi.Platform.Background;
using StudioApi.Platform.Persistence;


namespace StudioApi.Features.Imaging.RenderRuns;

/// <summary>
/// One execution of a render profile over one or more sessions, asked for (POST /render-runs) or started by a render
/// job. Its images are fixed when it is created (<see cref="RenderRunItem"/>), so progress is exact and a run that a
/// restart interrupted resumes where it stopped. The queue is the runs themselves, claimed with a lease (see
/// <see cref="RenderRunWorker"/>). Not an audited record: nobody edits a run, it only moves through its states.
/// </summary>
public sealed class RenderRun : IHasId
{
    public long Id { get; set; }
    /// <summary>The render profile; null for a package run, which renders at its package's own settings.</summary>
    public long? ProfileId { get; set; }
    /// <summary>Copied so the run reads the same after the profile is renamed or deleted; a package run's says what it makes.</summary>
    public string ProfileName { get; set; } = "";
    /// <summary>Set when the run makes a delivery package (the PSPA yearbook layout) rather than a profile's files.</summary>
    public RenderRunPackage? Package { get; set; }
    /// <summary>The render job that started the run, if one did.</summary>
    public long? RenderJobId { get; set; }
    /// <summary>The production order whose ordered images the run renders, for a run of one.</summary>
    public long? ProductionOrderId { get; set; }
    public List<RenderRunSession> Sessions { get; set; } = [];
    public RenderRunState State { get; set; } = RenderRunState.Queued;
    public int Total { get; set; }
    public int Done { get; set; }
    public int Failed { get; set; }
    /// <summary>Why the whole run failed (nothing to render, every image failed, the output could not be written).</summary>
    public string? Error { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    /// <summary>The render worker's lease, attempts and last error (columns LeaseOwner, LeaseUntil, Attempts…).</summary>
    public WorkLease Work { get; set; } = new();
    /// <summary>The zip's size and SHA-256 (its ETag), once written.</summary>
    public long? ZipBytes { get; set; }
    public string? ZipSha256 { get; set; }

    /// <summary>Keys in the file store, made by the server from the run's and items' ids.</summary>
    public static string FolderOf(long runId) => $"render-runs/{runId}";
    public static string ManifestKeyOf(long runId) => $"{FolderOf(runId)}/manifest.json";
    public static string ZipKeyOf(long runId) => $"{FolderOf(runId)}/render-run-{runId}.zip";
}

/// <summary>A session a run renders, with its number as it was when the run was created.</summary>
public sealed class RenderRunSession
{
    public long SessionId { get; set; }
    public int SessionNumber { get; set; }
}

/// <summary>One image of a run: rendered once, its output named when the run was created.</summary>
public sealed class RenderRunItem : IHasId
{
    public long Id { get; set; }
    public long RunId { get; set; }
    public long ImageId { get; set; }
    public long SessionId { get; set; }
    public int SessionNumber { get; set; }
    public int ImageNumber { get; set; }
    /// <summary>The file's name in the zip and manifest, from the profile's file-name pattern; unique within the run.</summary>
    public string OutputName { get; set; } = "";
    /// <summary>
    /// An ordered image's own rotation, crop (fractions of the upright, rotated image) and size in pixels, fixed when
    /// the run was made; null for a session's image, which is rendered as proofed at the profile's size.
    /// </summary>
    public int? Rotation { get; set; }
    public double? CropX { get; set; }
    public double? CropY { get; set; }
    public double? CropWidth { get; set; }
    public double? CropHeight { get; set; }
    public int? WidthPx { get; set; }
    public int? HeightPx { get; set; }
    /// <summary>The ordered line (of the run's production order) the file was made for; null for a session's image.</summary>
    public long? OrderLineId { get; set; }
    public RenderRunItemState State { get; set; } = RenderRunItemState.Pending;
    public long? Bytes { get; set; }
    public string? Sha256 { get; set; }
    public string? Error { get; set; }
    /// <summary>In a package run, the image's line of the package's index (tab-separated fields), written only if it rendered.</summary>
    public string? IndexRecord { get; set; }

    public static string OutputKeyOf(long runId, long itemId, string outputName) =>
        $"{RenderRun.FolderOf(runId)}/files/{itemId}{Path.GetExtension(outputName)}";
}

/// <summary>
/// A delivery package a run makes: every image as a JPEG filling an exact box (cut from the image's proofing crop, in
/// sRGB), under a top folder named for the volume, with an index text file listing the images that rendered (its
/// header, then each image's <see cref="RenderRunItem.IndexRecord"/>), COPYRIGHT.TXT and README.TXT; the zip holds only the
/// volume (the manifest stays at /manifest). Built for the PSPA yearbook package (see Schools' YearbookPackages).
/// </summary>
public sealed class RenderRunPackage
{
    /// <summary>The organization the package is for.</summary>
    public long OrganizationId { get; set; }
    /// <summary>The top folder of the zip, and the index's volume name.</summary>
    public string VolumeName { get; set; } = "";
    public int WidthPx { get; set; }
    public int HeightPx { get; set; }
    public int Dpi { get; set; }
    /// <summary>The index file's name in the volume and its first line (column names, tab-separated).</summary>
    public string IndexFileName { get; set; } = "INDEX.TXT";
    public string IndexHeader { get; set; } = "";
    /// <summary>COPYRIGHT.TXT and README.TXT of the volume, written as they are.</summary>
    public string Copyright { get; set; } = "";
    public string Readme { get; set; } = "";
    /// <summary>Students the package has no image for (no main yearbook image chosen, no session): the run's report.</summary>
    public int StudentsWithoutImage { get; set; }

    public Processing.RenderSettings Settings() => new()
    {
        SizeMode = Processing.SizeMode.Box,
        WidthPx = WidthPx,
        HeightPx = HeightPx,
        BoxFit = Processing.BoxFit.Fill,
        Format = Processing.OutputFormat.Jpeg,
        Quality = 90,
        Dpi = Dpi,
        ColourSpace = Processing.ColourSpace.Srgb,
    };
}

/// <summary>A student a package run has no image for, and why: the run's report of who is missing.</summary>
public sealed class RenderRunMissingStudent : IHasId
{
    public long Id { get; set; }
    public long RunId { get; set; }
    public long ClientId { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? StudentId { get; set; }
    public string? Grade { get; set; }
    public string? Homeroom { get; set; }
    public string Reason { get; set; } = "";
}

public enum RenderRunState
{
    Queued,
    Running,
    Completed,
    /// <summary>Some images rendered, some failed (see the run's errors).</summary>
    CompletedWithErrors,
    /// <summary>Nothing was rendered: no images to render, or every one failed.</summary>
    Failed,
    Cancelled,
}

public enum RenderRunItemState
{
    Pending,
    Done,
    Failed,
}

public static class RenderRunLimits
{
    public const int MaxSessions = 500;
    /// <summary>Images in one run: a big picture day, well beyond what one zip should hold.</summary>
    public const int MaxImages = 50_000;
    /// <summary>Per-image errors a run's resource lists (all of them are in the manifest).</summary>
    public const int MaxErrorsListed = 100;
    public const int ErrorLength = 1000;
    public const int OutputNameLength = 200;
    public const int VolumeNameLength = 11;
    public const int IndexRecordLength = 2000;
    public const int PackageTextLength = 4000;

    public static string Trim(string message) => message.Length <= ErrorLength ? message : message[..ErrorLength];
}

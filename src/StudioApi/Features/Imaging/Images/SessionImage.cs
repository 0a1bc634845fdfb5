using StudioApi.Platform.Background;
using StudioApi.Platform.Persistence;


namespace StudioApi.Features.Imaging.Images;

/// <summary>
/// A photo imported into a session: the original as stored (checked by its bytes, hashed, measured from its header)
/// and the state of its renditions, which a background worker makes (see <see cref="Renditions.RenditionWorker"/>).
/// </summary>
public sealed class SessionImage : AuditedRecord, INumbered
{
    public long SessionId { get; set; }
    /// <summary>Per session, in import order, from 1; never reused (the recycle bin included).</summary>
    public int Number { get; set; }
    /// <summary>The name the file had on the camera or computer, sanitized; only for people to read.</summary>
    public string OriginalFileName { get; set; } = "";
    public ImageFormat Format { get; set; }
    public string ContentType { get; set; } = "";
    public long ByteSize { get; set; }
    /// <summary>SHA-256 of the original, lowercase hex: finds duplicates within a session and is the original's ETag.</summary>
    public string Sha256 { get; set; } = "";
    /// <summary>As stored, before EXIF orientation is applied.</summary>
    public int Width { get; set; }
    public int Height { get; set; }
    /// <summary>EXIF orientation 1–8, or null when the file has none.</summary>
    public int? Orientation { get; set; }
    /// <summary>EXIF DateTimeOriginal: the camera's wall-clock time, with no zone (<c>yyyy-MM-ddTHH:mm:ss</c>).</summary>
    public string? CaptureTime { get; set; }
    public string? CameraMake { get; set; }
    public string? CameraModel { get; set; }
    /// <summary>Where the original is in the file store; made by the server.</summary>
    public string StorageKey { get; set; } = "";

    // The rendition queue lives on the image itself, so it survives restarts.
    public RenditionState RenditionState { get; set; } = RenditionState.Pending;
    /// <summary>The rendition worker's lease, attempts and last error (columns RenditionLeaseOwner, RenditionAttempts…).</summary>
    public WorkLease Rendition { get; set; } = new();
    public DateTime? RenditionsReadyAt { get; set; }

    // Proofing: what the client and the studio decide about the photo (see Proofing/ImageProofing).
    public ProofState ProofState { get; set; }
    public bool Favorite { get; set; }
    /// <summary>Kept out of the online gallery.</summary>
    public bool HiddenOnline { get; set; }
    /// <summary>Clockwise degrees (0, 90, 180, 270), applied after the EXIF orientation.</summary>
    public int Rotation { get; set; }
    // The crop as a normalized rectangle of the upright, rotated image; all null for the full frame.
    public double? CropX { get; set; }
    public double? CropY { get; set; }
    public double? CropWidth { get; set; }
    public double? CropHeight { get; set; }
    /// <summary>The print ratio the crop was made for, such as "4:5" for an 8x10; null for a free crop.</summary>
    public string? CropAspectRatio { get; set; }
    /// <summary>Main or secondary yearbook image; at most one of each per session, and only for organization sessions.</summary>
    public YearbookRole YearbookRole { get; set; }
    /// <summary>Who gave the image its yearbook role, and when; null without a role.</summary>
    public YearbookChooser? YearbookChosenBy { get; set; }
    public DateTime? YearbookChosenAt { get; set; }

    /// <summary>Width and height once the EXIF orientation and the rotation are applied: the frame a crop refers to.</summary>
    public (int Width, int Height) UprightSize(int rotation)
    {
        var turned = Orientation is >= 5 and <= 8;
        if (rotation is 90 or 270)
            turned = !turned;
        return turned ? (Height, Width) : (Width, Height);
    }
}

public enum ProofState
{
    Unmarked,
    Selected,
    NotSelected,
}

public enum YearbookRole
{
    None,
    Main,
    Secondary,
}

/// <summary>Who chose a yearbook image: the studio (staff, by default), the student, a parent, or the school.</summary>
public enum YearbookChooser
{
    Studio,
    Student,
    Parent,
    School,
}

public enum RenditionState
{
    Pending,
    Ready,
    Failed,
}

public enum ImageFormat
{
    Jpeg,
    Png,
    Tiff,
    Heic,
}

/// <summary>What can be downloaded for an image.</summary>
public enum ImageRendition
{
    Original,
    Preview,
    Thumbnail,
}

using System.ComponentModel.DataAnnotations;
using StudioApi.Features.Imaging.Images.Proofing;
using StudioApi.Platform.Http;

namespace StudioApi.Features.Imaging.Images;

public sealed class SessionImageResponse : RecordResponse
{
    public long SessionId { get; init; }
    /// <summary>Per session, in import order.</summary>
    public int Number { get; init; }
    [MaxLength(SessionImageLimits.FileNameLength)]
    public required string OriginalFileName { get; init; }
    public ImageFormat Format { get; init; }
    [MaxLength(50)]
    public required string ContentType { get; init; }
    public long ByteSize { get; init; }
    /// <summary>SHA-256 of the original, lowercase hex.</summary>
    [MaxLength(64)]
    public required string Sha256 { get; init; }
    /// <summary>As stored, before the EXIF orientation is applied.</summary>
    public int Width { get; init; }
    public int Height { get; init; }
    /// <summary>EXIF orientation 1–8; renditions are already upright.</summary>
    [Range(1, 8)]
    public int? Orientation { get; init; }
    /// <summary>The camera's clock when the photo was taken (EXIF DateTimeOriginal), local time without a zone.</summary>
    [MaxLength(19)]
    public string? CaptureTime { get; init; }
    [MaxLength(SessionImageLimits.CameraLength)]
    public string? CameraMake { get; init; }
    [MaxLength(SessionImageLimits.CameraLength)]
    public string? CameraModel { get; init; }
    /// <summary>pending until the background worker has made the preview and thumbnail; failed with renditionError if it could not.</summary>
    public RenditionState RenditionState { get; init; }
    [MaxLength(SessionImageLimits.ErrorLength)]
    public string? RenditionError { get; init; }
    public ProofState ProofState { get; init; }
    public bool Favorite { get; init; }
    /// <summary>Kept out of the online gallery.</summary>
    public bool HiddenOnline { get; init; }
    /// <summary>Clockwise degrees, applied after the EXIF orientation.</summary>
    public int Rotation { get; init; }
    /// <summary>Null for the full frame.</summary>
    public ImageCrop? Crop { get; init; }
    public YearbookRole YearbookRole { get; init; }
    /// <summary>Who gave the image its yearbook role (studio, student, parent, school), and when; null without a role.</summary>
    public YearbookChooser? YearbookChosenBy { get; init; }
    public DateTimeOffset? YearbookChosenAt { get; init; }

    public static SessionImageResponse From(SessionImage i) => new SessionImageResponse
    {
        SessionId = i.SessionId,
        Number = i.Number,
        OriginalFileName = i.OriginalFileName,
        Format = i.Format,
        ContentType = i.ContentType,
        ByteSize = i.ByteSize,
        Sha256 = i.Sha256,
        Width = i.Width,
        Height = i.Height,
        Orientation = i.Orientation,
        CaptureTime = i.CaptureTime,
        CameraMake = i.CameraMake,
        CameraModel = i.CameraModel,
        RenditionState = i.RenditionState,
        RenditionError = i.Rendition.LastError,
        ProofState = i.ProofState,
        Favorite = i.Favorite,
        HiddenOnline = i.HiddenOnline,
        Rotation = i.Rotation,
        Crop = ImageCrop.Of(i),
        YearbookRole = i.YearbookRole,
        YearbookChosenBy = i.YearbookChosenBy,
        YearbookChosenAt = i.YearbookChosenAt,
    }.WithAudit(i);
}

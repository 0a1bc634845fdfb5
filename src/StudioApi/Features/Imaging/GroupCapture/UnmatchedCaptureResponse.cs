using System.ComponentModel.DataAnnotations;
using StudioApi.Features.Imaging.Images;
using StudioApi.Platform.Http;

namespace StudioApi.Features.Imaging.GroupCapture;

public sealed class UnmatchedCaptureResponse : RecordResponse
{
    public long OrganizationId { get; init; }
    [MaxLength(SessionImageLimits.FileNameLength)]
    public required string OriginalFileName { get; init; }
    public DateOnly? PictureDate { get; init; }
    [MaxLength(UnmatchedCaptureConfiguration.ReasonLength)]
    public required string Reason { get; init; }
    public ImageFormat Format { get; init; }
    public long ByteSize { get; init; }
    [MaxLength(64)]
    public required string Sha256 { get; init; }
    public int Width { get; init; }
    public int Height { get; init; }
    [MaxLength(19)]
    public string? CaptureTime { get; init; }

    public static UnmatchedCaptureResponse From(UnmatchedCapture c) => new UnmatchedCaptureResponse
    {
        OrganizationId = c.OrganizationId,
        OriginalFileName = c.OriginalFileName,
        PictureDate = c.PictureDate,
        Reason = c.Reason,
        Format = c.Format,
        ByteSize = c.ByteSize,
        Sha256 = c.Sha256,
        Width = c.Width,
        Height = c.Height,
        CaptureTime = c.CaptureTime,
    }.WithAudit(c);
}

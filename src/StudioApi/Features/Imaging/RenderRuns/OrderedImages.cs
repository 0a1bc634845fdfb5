using System.Security.Claims;
using StudioApi.Features.Imaging.Processing;

namespace StudioApi.Features.Imaging.RenderRuns;

/// <summary>
/// The images clients ordered, for the render profiles' <c>ordered</c> selection: Production knows the orders and
/// implements this; Imaging renders what it answers, so Imaging never names a production order's record.
/// </summary>
public interface IOrderedImages
{
    /// <summary>The ordered images of a production order the caller may see (null: no such order for them), in order.</summary>
    Task<OrderedImageSet?> FindAsync(long productionOrderId, ClaimsPrincipal? caller, CancellationToken ct);

    /// <summary>The ids of the images on the live production orders of these sessions (a profile's ordered selection run over sessions).</summary>
    Task<IReadOnlyList<long>> ImageIdsOfSessionsAsync(IReadOnlyCollection<long> sessionIds, CancellationToken ct);
}

/// <summary>A production order's images to render: its session (if it has one) and each ordered line.</summary>
public sealed record OrderedImageSet(long ProductionOrderId, long? SessionId, IReadOnlyList<OrderedImage> Images);

/// <summary>
/// One ordered image: its rotation and crop as ordered (the crop in the upright, rotated image) and the print's size in
/// inches, which the render makes at the profile's DPI; no size: the profile's own. <paramref name="LineId"/> names the
/// ordered line the file is for (kept on the run's item), so a lab can be sent each line's own file.
/// </summary>
public sealed record OrderedImage(long ImageId, int Rotation, NormalizedRect? Crop, decimal? PrintWidthInches, decimal? PrintHeightInches, long? LineId = null);

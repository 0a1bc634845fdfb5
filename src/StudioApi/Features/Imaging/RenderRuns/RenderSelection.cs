using StudioApi.Features.Imaging.Images;
using StudioApi.Features.Imaging.Processing;
using StudioApi.Features.Imaging.RenderProfiles;
using StudioApi.Platform.Http.Problems;


namespace StudioApi.Features.Imaging.RenderRuns;

/// <summary>
/// Which of a session's images a profile renders, and what proofing did to each: the only two places a render looks
/// at proofing fields.
/// </summary>
public static class RenderSelection
{
    /// <param name="images">The sessions' images.</param>
    /// <param name="selection">The profile's selection.</param>
    /// <param name="ordered">The ids of the sessions' ordered images (on their production orders), for the ordered selection.</param>
    public static IQueryable<SessionImage> Apply(IQueryable<SessionImage> images, RenderImageSelection selection, IReadOnlyList<long> ordered) => selection switch
    {
        RenderImageSelection.All => images,
        RenderImageSelection.Selected => images.Where(i => i.ProofState == ProofState.Selected),
        RenderImageSelection.Favorites => images.Where(i => i.Favorite),
        RenderImageSelection.Yearbook => images.Where(i => i.YearbookRole != YearbookRole.None),
        RenderImageSelection.Ordered => images.Where(i => ordered.Contains(i.Id)),
        _ => throw ApiProblem.RuleBroken($"The profile's selection {selection} is not known."),
    };

    /// <summary>
    /// An ordered image's rotation and crop as ordered (always: a print is cut as it was sold); else the rotation
    /// (always) and, when the profile honours crops, the crop set while proofing.
    /// </summary>
    public static ImageAdjustments Adjustments(RenderRunItem item, SessionImage image, bool honourCrops) =>
        item.Rotation is { } rotation
            ? new ImageAdjustments(rotation, item is { CropX: { } x, CropY: { } y, CropWidth: { } width, CropHeight: { } height }
                ? new NormalizedRect(x, y, width, height)
                : null)
            : Adjustments(image, honourCrops);

    /// <summary>An ordered image is made at its print's size (an exact box, filled); any other at the profile's.</summary>
    public static RenderSettings SizedFor(RenderRunItem item, RenderSettings settings) =>
        item is { WidthPx: { } width, HeightPx: { } height }
            ? settings with { SizeMode = SizeMode.Box, WidthPx = width, HeightPx = height, BoxFit = BoxFit.Fill }
            : settings;

    /// <summary>The rotation (always) and, when the profile honours crops, the crop set while proofing.</summary>
    public static ImageAdjustments Adjustments(SessionImage image, bool honourCrops) => new(
        image.Rotation,
        honourCrops && image is { CropX: { } x, CropY: { } y, CropWidth: { } width, CropHeight: { } height }
            ? new NormalizedRect(x, y, width, height)
            : null);
}

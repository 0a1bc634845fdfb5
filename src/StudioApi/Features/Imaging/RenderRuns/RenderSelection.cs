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
    public static IQueryable<SessionImage> Apply(IQueryable<SessionImage> images, RenderImageSelection selection) => selection switch
    {
        RenderImageSelection.All => images,
        RenderImageSelection.Selected => images.Where(i => i.ProofState == ProofState.Selected),
        RenderImageSelection.Favorites => images.Where(i => i.Favorite),
        RenderImageSelection.Yearbook => images.Where(i => i.YearbookRole != YearbookRole.None),
        _ => throw ApiProblem.RuleBroken(
            "The profile renders ordered images, which arrive with invoices; choose another selection for now."),
    };

    /// <summary>The rotation (always) and, when the profile honours crops, the crop set while proofing.</summary>
    public static ImageAdjustments Adjustments(SessionImage image, bool honourCrops) => new(
        image.Rotation,
        honourCrops && image is { CropX: { } x, CropY: { } y, CropWidth: { } width, CropHeight: { } height }
            ? new NormalizedRect(x, y, width, height)
            : null);
}

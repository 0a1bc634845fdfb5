using StudioApi.Api.Problems;
using StudioApi.Features.Images;
using StudioApi.Features.RenderProfiles;
using StudioApi.Imaging;

namespace StudioApi.Features.RenderRuns;

/// <summary>
/// Which of a session's images a profile renders, and what proofing did to each: the only two places a render looks
/// at proofing fields.
/// </summary>
public static class RenderSelection
{
    public static IQueryable<SessionImage> Apply(IQueryable<SessionImage> images, RenderImageSelection selection) => selection switch
    {
        RenderImageSelection.All => images,
        RenderImageSelection.Ordered => throw ApiProblem.RuleBroken(
            "The profile renders ordered images, which arrive with invoices; choose another selection for now."),
        _ => throw ApiProblem.RuleBroken(
            $"The profile renders {System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(selection.ToString())} images, which arrives with proofing; use a profile that renders all images for now."),
    };

    /// <summary>The rotation and (when the profile honours crops) the crop set while proofing.</summary>
    public static ImageAdjustments Adjustments(SessionImage image, bool honourCrops) => ImageAdjustments.None;
}

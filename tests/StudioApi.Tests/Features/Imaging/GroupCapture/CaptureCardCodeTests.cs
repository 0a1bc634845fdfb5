using StudioApi.Features.Imaging.GroupCapture;
using StudioApi.Tests.Features.Imaging.Images;

namespace StudioApi.Tests.Features.Imaging.GroupCapture;

/// <summary>
/// A card that cannot be read holds the photos after it, so a real photograph taken for one would hold a student's
/// portraits for nothing: real camera photos, in every orientation, are neither cards nor unreadable cards.
/// </summary>
public sealed class CaptureCardCodeTests
{
    public static TheoryData<string> Photos() =>
        [.. Enumerable.Range(0, 9).SelectMany(n => new[] { $"Landscape_{n}.jpg", $"Portrait_{n}.jpg" })];

    [Theory]
    [MemberData(nameof(Photos))]
    public void A_camera_photo_shows_no_card(string name) =>
        CaptureCardCode.Read(ImageKit.TestImage(name)).ShouldBe(CardSighting.None);
}

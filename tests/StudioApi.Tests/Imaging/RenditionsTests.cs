using StudioApi.Imaging;

namespace StudioApi.Tests.Imaging;

public sealed class RenditionsTests
{
    [Theory]
    [InlineData("Portrait_6.jpg")]
    [InlineData("Portrait_8.jpg")]
    [InlineData("Landscape_6.jpg")]
    public void Preview_and_thumbnail_come_out_upright_at_their_sizes_as_jpeg_without_metadata(string file)
    {
        var (width, height) = TestImages.UprightSize(file);
        using var previewBytes = new MemoryStream();
        using var thumbnailBytes = new MemoryStream();

        Renditions.MakePreviewAndThumbnail(TestImages.Path(file), previewBytes, thumbnailBytes, previewEdge: 1000, thumbnailEdge: 200);

        using var preview = TestImages.Load(previewBytes.ToArray());
        using var thumbnail = TestImages.Load(thumbnailBytes.ToArray());
        previewBytes.ToArray().Take(3).ShouldBe(new byte[] { 0xFF, 0xD8, 0xFF });
        Math.Max(preview.Width, preview.Height).ShouldBe(1000);
        Math.Max(thumbnail.Width, thumbnail.Height).ShouldBe(200);
        (preview.Height > preview.Width).ShouldBe(height > width, "same orientation as the upright picture");
        (thumbnail.Height > thumbnail.Width).ShouldBe(height > width);
        preview.Contains("exif-data").ShouldBeFalse();
    }
}

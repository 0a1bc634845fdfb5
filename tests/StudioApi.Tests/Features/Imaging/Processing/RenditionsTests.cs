using StudioApi.Features.Imaging.Processing;


namespace StudioApi.Tests.Features.Imaging.Processing;

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

public sealed class RenditionColourTests
{
    [Fact]
    public void Only_a_file_that_is_not_srgb_already_is_converted_for_the_preview()
    {
        var p3File = Path.Combine(Path.GetTempPath(), $"p3-{Guid.NewGuid():N}.jpg");
        var plainFile = Path.Combine(Path.GetTempPath(), $"plain-{Guid.NewGuid():N}.jpg");
        try
        {
            using (var p3 = File.Create(p3File))
                ProfileRenderer.Render(TestImages.Path("Landscape_1.jpg"), new RenderSettings { LongEdgePx = 400, ColourSpace = ColourSpace.DisplayP3 }, ImageAdjustments.None, p3);
            // A preview carries no profile at all, like most camera files.
            using (var plain = File.Create(plainFile))
                Renditions.MakePreviewAndThumbnail(p3File, plain, Stream.Null, previewEdge: 400, thumbnailEdge: 100);

            Renditions.SrgbConversion(p3File).ShouldBe("srgb");
            Renditions.SrgbConversion(plainFile).ShouldBeNull();
        }
        finally
        {
            File.Delete(p3File);
            File.Delete(plainFile);
        }
    }
}

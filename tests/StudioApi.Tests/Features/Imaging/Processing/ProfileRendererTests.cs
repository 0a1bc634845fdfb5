using StudioApi.Features.Imaging.Processing;


namespace StudioApi.Tests.Features.Imaging.Processing;

public sealed class ProfileRendererTests
{
    static byte[] Render(string file, RenderSettings settings, ImageAdjustments? adjustments = null)
    {
        using var output = new MemoryStream();
        ProfileRenderer.Render(TestImages.Path(file), settings, adjustments ?? ImageAdjustments.None, output);
        return output.ToArray();
    }

    [Fact]
    public void A_long_edge_profile_makes_the_longer_side_exactly_that_long_and_keeps_the_aspect_ratio()
    {
        var (width, height) = TestImages.UprightSize("Landscape_1.jpg");

        using var image = TestImages.Load(Render("Landscape_1.jpg", new RenderSettings { SizeMode = SizeMode.LongEdge, LongEdgePx = 800 }));

        image.Width.ShouldBe(800);
        ((double)image.Height).ShouldBe(800.0 * height / width, 1);
    }

    [Fact]
    public void A_box_with_fit_keeps_the_whole_picture_inside_the_box_without_bars()
    {
        using var image = TestImages.Load(Render("Landscape_1.jpg",
            new RenderSettings { SizeMode = SizeMode.Box, WidthPx = 600, HeightPx = 600, BoxFit = BoxFit.Fit }));

        image.Width.ShouldBe(600);
        image.Height.ShouldBeLessThan(600);
    }

    [Fact]
    public void A_box_with_fill_comes_out_exactly_the_box_size()
    {
        using var image = TestImages.Load(Render("Landscape_1.jpg",
            new RenderSettings { SizeMode = SizeMode.Box, WidthPx = 640, HeightPx = 800, BoxFit = BoxFit.Fill }));

        (image.Width, image.Height).ShouldBe((640, 800));
    }

    [Theory]
    [InlineData(OutputFormat.Jpeg, new byte[] { 0xFF, 0xD8, 0xFF })]
    [InlineData(OutputFormat.Png, new byte[] { 0x89, 0x50, 0x4E, 0x47 })]
    [InlineData(OutputFormat.Tiff, new byte[] { 0x49, 0x49, 0x2A, 0x00 })]
    public void The_file_is_written_in_the_profiles_format_with_its_dpi(OutputFormat format, byte[] magic)
    {
        var bytes = Render("Portrait_1.jpg", new RenderSettings { LongEdgePx = 400, Format = format, Dpi = 240 });

        bytes.Take(magic.Length).ShouldBe(magic);
        using var image = TestImages.Load(bytes);
        (image.Xres * 25.4).ShouldBe(240, 0.5);
        (image.Yres * 25.4).ShouldBe(240, 0.5);
    }

    [Fact]
    public void The_camera_metadata_is_stripped_and_only_the_colour_profile_is_kept()
    {
        using var source = NetVips.Image.NewFromFile(TestImages.Path("Portrait_6.jpg"));
        source.Contains("exif-data").ShouldBeTrue("the test photo should carry EXIF to begin with");

        using var image = TestImages.Load(Render("Portrait_6.jpg", new RenderSettings { LongEdgePx = 400 }));

        image.Contains("exif-data").ShouldBeFalse();
        image.Contains("icc-profile-data").ShouldBeTrue();
    }

    [Fact]
    public void Display_p3_embeds_a_different_profile_than_srgb()
    {
        using var srgb = TestImages.Load(Render("Portrait_1.jpg", new RenderSettings { LongEdgePx = 300, ColourSpace = ColourSpace.Srgb }));
        using var p3 = TestImages.Load(Render("Portrait_1.jpg", new RenderSettings { LongEdgePx = 300, ColourSpace = ColourSpace.DisplayP3 }));

        var srgbProfile = (byte[])srgb.Get("icc-profile-data");
        var p3Profile = (byte[])p3.Get("icc-profile-data");
        p3Profile.ShouldNotBe(srgbProfile);
    }

    [Fact]
    public void A_photo_stored_sideways_with_exif_orientation_6_comes_out_upright_like_the_untagged_one()
    {
        using var tagged = TestImages.Load(Render("Portrait_6.jpg", new RenderSettings { LongEdgePx = 600, Format = OutputFormat.Png }));
        using var plain = TestImages.Load(Render("Portrait_1.jpg", new RenderSettings { LongEdgePx = 600, Format = OutputFormat.Png }));

        tagged.Height.ShouldBe(600);
        tagged.Width.ShouldBeLessThan(600);
        (tagged.Width, tagged.Height).ShouldBe((plain.Width, plain.Height));
        TestImages.Difference(tagged, plain, 0, 0, plain.Width, plain.Height).ShouldBeLessThan(8);
    }

    [Fact]
    public void A_4_to_5_crop_on_a_quarter_turned_landscape_comes_out_4_to_5_portrait()
    {
        var (width, height) = TestImages.UprightSize("Landscape_1.jpg");
        // After a quarter turn the picture is height × width; take the largest centred 4:5 rectangle of it.
        var (turnedWidth, turnedHeight) = ((double)height, (double)width);
        var crop = turnedWidth / turnedHeight > 0.8
            ? new NormalizedRect((1 - turnedHeight * 0.8 / turnedWidth) / 2, 0, turnedHeight * 0.8 / turnedWidth, 1)
            : new NormalizedRect(0, (1 - turnedWidth * 1.25 / turnedHeight) / 2, 1, turnedWidth * 1.25 / turnedHeight);

        using var image = TestImages.Load(Render("Landscape_1.jpg", new RenderSettings { LongEdgePx = 1000 },
            new ImageAdjustments(Rotation: 90, Crop: crop)));

        image.Height.ShouldBe(1000);
        ((double)image.Width).ShouldBe(800, 2);
    }

    [Fact]
    public void A_small_print_of_a_crop_of_a_big_photo_is_cut_from_the_photo_shrunk_while_decoding_in_the_right_place()
    {
        // 2000 × 1500, black on the left half and white on the right; a 4:5 print of 80 × 100 is a twentieth of the cut part.
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"halves-{Guid.NewGuid():N}.jpg");
        using (var black = NetVips.Image.Black(1000, 1500, bands: 3))
        using (var white = black + 255)
        using (var halves = black.Join(white, NetVips.Enums.Direction.Horizontal))
        using (var pixels = halves.Cast(NetVips.Enums.BandFormat.Uchar))
            pixels.Jpegsave(path, q: 95);
        try
        {
            var box = new RenderSettings { SizeMode = SizeMode.Box, WidthPx = 80, HeightPx = 100, BoxFit = BoxFit.Fill };
            byte[] Cut(NormalizedRect crop, int rotation = 0)
            {
                using var output = new MemoryStream();
                ProfileRenderer.Render(path, box, new ImageAdjustments(rotation, crop), output);
                return output.ToArray();
            }
            // 0.4 × 2000 = 800 wide, 1500 high: 8:15, filled into 4:5 (cut top and bottom).
            using (var right = TestImages.Load(Cut(new NormalizedRect(0.55, 0, 0.4, 1))))
            {
                (right.Width, right.Height).ShouldBe((80, 100));
                right.Avg().ShouldBeGreaterThan(250);
            }
            using (var left = TestImages.Load(Cut(new NormalizedRect(0.05, 0, 0.4, 1))))
                left.Avg().ShouldBeLessThan(5);
            // A quarter turn clockwise puts the left (black) half on top: the frame is 1500 × 2000.
            using var top = TestImages.Load(Cut(new NormalizedRect(0, 0.05, 1, 0.4), rotation: 90));
            (top.Width, top.Height).ShouldBe((80, 100));
            top.Avg().ShouldBeLessThan(5);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_quarter_turn_without_a_crop_swaps_the_edges()
    {
        var (width, height) = TestImages.UprightSize("Landscape_1.jpg");

        using var image = TestImages.Load(Render("Landscape_1.jpg", new RenderSettings { LongEdgePx = 900 }, new ImageAdjustments(Rotation: 270)));

        image.Height.ShouldBe(900);
        ((double)image.Width).ShouldBe(900.0 * height / width, 1);
    }

    [Fact]
    public void Sharpening_changes_the_pixels_but_not_the_size()
    {
        var plainSettings = new RenderSettings { LongEdgePx = 500, Format = OutputFormat.Png };
        using var plain = TestImages.Load(Render("Landscape_1.jpg", plainSettings));
        using var sharpened = TestImages.Load(Render("Landscape_1.jpg", plainSettings with { Sharpening = Sharpening.Strong }));

        (sharpened.Width, sharpened.Height).ShouldBe((plain.Width, plain.Height));
        TestImages.Difference(plain, sharpened, 0, 0, plain.Width, plain.Height).ShouldBeGreaterThan(0.2);
    }

    [Fact]
    public void A_text_watermark_at_the_bottom_right_marks_that_corner_and_leaves_the_opposite_one_alone()
    {
        var settings = new RenderSettings { LongEdgePx = 800, Format = OutputFormat.Png };
        using var plain = TestImages.Load(Render("Landscape_1.jpg", settings));
        using var marked = TestImages.Load(Render("Landscape_1.jpg", settings with
        {
            Watermark = new WatermarkSettings { Kind = WatermarkKind.Text, Text = "PROOF", Opacity = 1, Size = 0.15, Position = WatermarkPosition.BottomRight },
        }));

        var (halfWidth, halfHeight) = (plain.Width / 2, plain.Height / 2);
        TestImages.Difference(plain, marked, halfWidth, halfHeight, halfWidth, halfHeight).ShouldBeGreaterThan(2);
        TestImages.Difference(plain, marked, 0, 0, halfWidth, halfHeight).ShouldBe(0);
    }

    [Fact]
    public void An_image_watermark_at_the_top_left_marks_that_corner_and_leaves_the_opposite_one_alone()
    {
        using var red = NetVips.Image.Black(200, 100, bands: 3).NewFromImage(220, 30, 30);
        using var withAlpha = red.Bandjoin(255);
        using var srgb = withAlpha.Copy(interpretation: NetVips.Enums.Interpretation.Srgb);
        var png = srgb.PngsaveBuffer();
        var settings = new RenderSettings { LongEdgePx = 800, Format = OutputFormat.Png };
        using var plain = TestImages.Load(Render("Landscape_1.jpg", settings));
        using var marked = TestImages.Load(Render("Landscape_1.jpg", settings with
        {
            Watermark = new WatermarkSettings { Kind = WatermarkKind.Image, Image = png, Opacity = 0.8, Size = 0.25, Position = WatermarkPosition.TopLeft },
        }));

        var (halfWidth, halfHeight) = (plain.Width / 2, plain.Height / 2);
        TestImages.Difference(plain, marked, 0, 0, halfWidth, halfHeight).ShouldBeGreaterThan(5);
        TestImages.Difference(plain, marked, halfWidth, halfHeight, halfWidth, halfHeight).ShouldBe(0);
        marked.Bands.ShouldBe(3, "a picture without transparency gets none from the watermark");
    }
}

using NetVips;

namespace StudioApi.Tests.Features.Imaging.Processing;

/// <summary>The real photographs under TestData/exif-orientation (stored rotated, tagged with EXIF orientations).</summary>
public static class TestImages
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "TestData", "exif-orientation", name);

    /// <summary>Width and height of the picture the way a person sees it (EXIF orientation applied).</summary>
    public static (int Width, int Height) UprightSize(string name)
    {
        using var image = Image.NewFromFile(Path(name));
        using var upright = image.Autorot();
        return (upright.Width, upright.Height);
    }

    public static Image Load(byte[] bytes) => Image.NewFromBuffer(bytes);

    /// <summary>Mean absolute difference of two same-sized images in a region, 0 (identical) to 255.</summary>
    public static double Difference(Image a, Image b, int left, int top, int width, int height)
    {
        using var regionA = a.ExtractArea(left, top, width, height);
        using var regionB = b.ExtractArea(left, top, width, height);
        using var difference = regionA - regionB;
        using var absolute = difference.Abs();
        return absolute.Avg();
    }
}

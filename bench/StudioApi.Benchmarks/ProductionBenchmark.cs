using System.Diagnostics;
using System.Text.Json;
using StudioApi.Features.Imaging.Processing;
using StudioApi.Features.Imaging.RenderRuns;

namespace StudioApi.Benchmarks;

/// <summary>
/// A production order's render against the plain render of the same images: 100 ordered images (24-megapixel camera
/// JPEGs, half of them shot in portrait) rendered as a render run renders each of its items (<see cref="ProfileRenderer"/>
/// with the item's settings and adjustments, <see cref="RenderSelection"/>), once as a session's plain run (the
/// profile's 2100 px long edge, no crop) and as a production order's run (each line cut to a 4:5 crop and made at its
/// 8x10 print's size at the profile's 300 DPI: 2400 × 3000 px, filled; and as wallets, 5:7 at 2.5x3.5: 750 × 1050 px,
/// whose cut part is big enough to be shrunk while decoding). Each mode runs in a child process of this
/// executable (--production-one), one thread, so its peak memory is its own. Figures: images/s, peak working set.
/// </summary>
public static class ProductionBenchmark
{
    const int Images = 100;
    const int DistinctFiles = 10;

    static readonly RenderSettings Profile = new()
    {
        SizeMode = SizeMode.LongEdge, LongEdgePx = 2100, Format = OutputFormat.Jpeg, Quality = 90, Dpi = 300, Sharpening = Sharpening.Light,
    };

    public static async Task<int> RunAsync()
    {
        var folder = Directory.CreateTempSubdirectory("studioapi-production-bench-").FullName;
        try
        {
            var generated = Stopwatch.StartNew();
            var files = ImageBenchmark.Generate(folder, DistinctFiles);
            Console.WriteLine($"{Images} ordered images from {files.Count} camera-like JPEGs (6000x4000 q92, half EXIF orientation 6), made in {generated.Elapsed.TotalSeconds:F0} s; one thread, {Environment.ProcessorCount} cores.");
            Console.WriteLine($"Profile: JPEG q{Profile.Quality}, {Profile.Dpi} DPI, light sharpening, sRGB.");
            Console.WriteLine();
            Console.WriteLine($"{"render",-58} {"img/s",8} {"s total",8} {"peak MB",8} {"at start MB",12}");
            foreach (var mode in new[] { "plain", "ordered", "wallets" })
            {
                var result = await RunChildAsync(mode, folder);
                var label = mode switch
                {
                    "plain" => "plain run (2100 px long edge, no crop)",
                    "ordered" => "production order (4:5 crop, 8x10 at 300 DPI = 2400x3000)",
                    _ => "production order (5:7 crop, 2.5x3.5 wallet = 750x1050)",
                };
                Console.WriteLine($"{label,-58} {result.ImagesPerSecond,8:F2} {Images / result.ImagesPerSecond,8:F1} {result.PeakMegabytes,8:F0} {result.StartMegabytes,12:F0}");
            }
            Console.WriteLine();
            Console.WriteLine("The plain run shrinks while decoding; a cut part at least twice the print's size does too (the wallets), a bigger print");
            Console.WriteLine("(the 8x10s) decodes every pixel. Peak = the child's peak working set, runtime and libvips included.");
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>In the child: renders the 100 images (after one warm-up) as the mode says, then reports.</summary>
    public static int RunOne(string mode, string folder)
    {
        NetVips.NetVips.Concurrency = 1; // Images:ThreadsPerWorker's default: one render worker, one thread
        NetVips.Cache.Max = 0;
        using var self = Process.GetCurrentProcess();
        var startMegabytes = self.WorkingSet64 / 1e6;
        var files = Directory.GetFiles(folder, "*.jpg").Order().ToArray();
        var items = Enumerable.Range(0, Images).Select(i => Item(mode, i)).ToList();
        Render(files[0], items[0]);

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Images; i++)
            Render(files[i % files.Length], items[i]);
        var seconds = clock.Elapsed.TotalSeconds;
        self.Refresh();
        Console.WriteLine(JsonSerializer.Serialize(new ChildResult(Images / seconds, self.PeakWorkingSet64 / 1e6, startMegabytes)));
        return 0;
    }

    /// <summary>The run item the planner would make: none of an ordered image's fields for a plain run.</summary>
    static RenderRunItem Item(string mode, int i)
    {
        if (mode == "plain")
            return new RenderRunItem();
        // A portrait crop of each upright picture in the print's shape (4:5 or 5:7), as the bulk crop would keep it.
        var portrait = i % DistinctFiles % 2 == 1; // the generated files shot in portrait are upright 4000x6000
        var (ratio, width, height) = mode == "wallets" ? (5.0 / 7, 750, 1050) : (4.0 / 5, 2400, 3000);
        var crop = portrait
            ? new NormalizedRect(0.05, 0.05, 0.9, 0.9 * 4000 / ratio / 6000) // 3600 wide of 4000x6000
            : new NormalizedRect(0.3, 0.0, 4000.0 * ratio / 6000, 1.0);      // 4000 high of 6000x4000
        return new RenderRunItem
        {
            Rotation = 0, CropX = crop.X, CropY = crop.Y, CropWidth = crop.Width, CropHeight = crop.Height, WidthPx = width, HeightPx = height,
        };
    }

    static void Render(string file, RenderRunItem item)
    {
        var adjustments = item is { Rotation: { } rotation, CropX: { } x, CropY: { } y, CropWidth: { } width, CropHeight: { } height }
            ? new ImageAdjustments(rotation, new NormalizedRect(x, y, width, height))
            : ImageAdjustments.None;
        ProfileRenderer.Render(file, RenderSelection.SizedFor(item, Profile), adjustments, Stream.Null);
    }

    sealed record ChildResult(double ImagesPerSecond, double PeakMegabytes, double StartMegabytes);

    static async Task<ChildResult> RunChildAsync(string mode, string folder)
    {
        var host = Environment.ProcessPath!;
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
            start.ArgumentList.Add(typeof(ProductionBenchmark).Assembly.Location);
        foreach (var argument in new[] { "--production-one", mode, folder })
            start.ArgumentList.Add(argument);
        using var child = Process.Start(start)!;
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        if (child.ExitCode != 0)
            throw new InvalidOperationException($"{mode} failed ({child.ExitCode}): {output}");
        return JsonSerializer.Deserialize<ChildResult>(output.Trim().Split('\n')[^1])!;
    }
}

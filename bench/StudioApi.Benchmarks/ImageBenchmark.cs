using System.Diagnostics;
using System.Text.Json;
using ImageMagick;
using NetVips;
using SkiaSharp;
using StudioApi.Features.Imaging.Processing;

namespace StudioApi.Benchmarks;

/// <summary>
/// Preview (1600 px long edge) + thumbnail (320 px) of 24-megapixel camera JPEGs, auto-oriented, sRGB, JPEG q85,
/// side by side: our pipeline (<see cref="Renditions"/>, one decode), plain NetVips Thumbnail from the file twice
/// (the limit we aim to sit close to), Magick.NET with a size hint and SkiaSharp with a scaled decode. Each contender
/// runs in a child process of this executable (--images-one), once on one thread and once on two, so peak memory is
/// its own. Figures: images/s (one thread), images/s per core (two threads), peak working set.
/// </summary>
public static class ImageBenchmark
{
    const int PreviewEdge = Renditions.PreviewEdge, ThumbnailEdge = Renditions.ThumbnailEdge, Quality = Renditions.Quality;
    const int FileCount = 10;

    static readonly Dictionary<string, Action<string>> Contenders = new()
    {
        ["ours (Renditions, one decode)"] = Ours,
        ["NetVips Thumbnail x2 (limit)"] = NetVipsTwice,
        ["Magick.NET (size hint)"] = Magick,
        ["SkiaSharp (scaled decode)"] = Skia,
    };

    public static async Task<int> RunAsync()
    {
        var folder = Directory.CreateTempSubdirectory("studioapi-images-bench-").FullName;
        try
        {
            var generated = Stopwatch.StartNew();
            var files = Generate(folder);
            var megabytes = files.Sum(f => new FileInfo(f).Length) / 1e6;
            Console.WriteLine($"{files.Count} camera-like JPEGs, 6000x4000 q92, {megabytes / files.Count:F1} MB each on average (half tagged EXIF orientation 6), made in {generated.Elapsed.TotalSeconds:F0} s");
            Console.WriteLine($"Each: preview {PreviewEdge} px + thumbnail {ThumbnailEdge} px, auto-oriented, sRGB, JPEG q{Quality}. {Environment.ProcessorCount} cores.");
            Console.WriteLine();
            Console.WriteLine($"{"contender",-32} {"1 thread img/s",15} {"2 threads img/s/core",21} {"peak MB (1 thr)",16} {"peak MB (2 thr)",16} {"at start MB",12}");

            foreach (var name in Contenders.Keys)
            {
                var one = await RunChildAsync(name, folder, threads: 1);
                var two = await RunChildAsync(name, folder, threads: 2);
                Console.WriteLine($"{name,-32} {one.ImagesPerSecond,15:F2} {two.ImagesPerSecond / 2,21:F2} {one.PeakMegabytes,16:F0} {two.PeakMegabytes,16:F0} {one.StartMegabytes,12:F0}");
            }
            Console.WriteLine();
            Console.WriteLine("Peak = the child process's peak working set, runtime and native libraries included; \"at start\" is its working set before the first image (native libraries load on first use, so they count in the peak).");
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>In the child: decode-and-resize every file (after one warm-up) on the given threads, then report.</summary>
    public static int RunOne(string name, string folder, int threads)
    {
        NetVips.NetVips.Concurrency = 1; // one core per worker thread, as for the others
        NetVips.Cache.Max = 0;           // no reuse of a decoded file between contenders' passes
        ResourceLimits.Thread = 1;
        using var self = Process.GetCurrentProcess();
        var startMegabytes = self.WorkingSet64 / 1e6;
        var work = Contenders[name];
        var files = Directory.GetFiles(folder, "*.jpg").Order().ToArray();
        work(files[0]);

        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            // Each thread does the whole set, starting at a different file.
            for (var i = 0; i < files.Length; i++)
                work(files[(i + t * files.Length / threads) % files.Length]);
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        var seconds = clock.Elapsed.TotalSeconds;

        self.Refresh();
        Console.WriteLine(JsonSerializer.Serialize(new ChildResult(files.Length * threads / seconds, self.PeakWorkingSet64 / 1e6, startMegabytes)));
        return 0;
    }

    sealed record ChildResult(double ImagesPerSecond, double PeakMegabytes, double StartMegabytes);

    static async Task<ChildResult> RunChildAsync(string name, string folder, int threads)
    {
        var host = Environment.ProcessPath!;
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, UseShellExecute = false };
        // Under `dotnet StudioApi.Benchmarks.dll` the host is dotnet itself and needs the assembly first.
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
            start.ArgumentList.Add(typeof(ImageBenchmark).Assembly.Location);
        foreach (var argument in new[] { "--images-one", name, folder, threads.ToString() })
            start.ArgumentList.Add(argument);
        using var child = Process.Start(start)!;
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        if (child.ExitCode != 0)
            throw new InvalidOperationException($"{name} failed ({child.ExitCode}): {output}");
        return JsonSerializer.Deserialize<ChildResult>(output.Trim().Split('\n')[^1])!;
    }

    /// <summary>
    /// 24-megapixel JPEGs like a camera's: a real photo enlarged to 6000x4000 with sensor-like noise (so it compresses
    /// like a photo, not a smooth upscale), q92; every other one tagged as shot in portrait (EXIF orientation 6).
    /// </summary>
    internal static List<string> Generate(string folder, int count = FileCount)
    {
        var photo = Path.Combine(RepositoryRoot(), "tests", "StudioApi.Tests", "TestData", "exif-orientation", "Landscape_1.jpg");
        using var source = Image.NewFromFile(photo);
        using var upright = source.Autorot();
        using var enlarged = upright.Resize(6000.0 / upright.Width, vscale: 4000.0 / upright.Height);
        using var enlargedInMemory = enlarged.CopyMemory();
        var files = new List<string>();
        for (var i = 0; i < count; i++)
        {
            using var noise = Image.Gaussnoise(6000, 4000, sigma: 9, seed: i + 1);
            using var noisy = enlargedInMemory + noise;
            using var pixels = noisy.Cast(Enums.BandFormat.Uchar);
            using var tagged = pixels.Mutate(m =>
            {
                foreach (var field in m.GetFields().Where(f => f.StartsWith("exif-") || f == "orientation"))
                    m.Remove(field);
                if (i % 2 == 1)
                    m.Set(GValue.GIntType, "orientation", 6);
            });
            var path = Path.Combine(folder, $"IMG_{i:0000}.jpg");
            tagged.Jpegsave(path, q: 92, keep: i % 2 == 1 ? Enums.ForeignKeep.Exif : Enums.ForeignKeep.None);
            files.Add(path);
        }
        return files;
    }

    static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "StudioApi.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Run the benchmark from inside the repository (it needs a test photo).");
    }

    static void Ours(string file) => Renditions.MakePreviewAndThumbnail(file, Stream.Null, Stream.Null);

    static void NetVipsTwice(string file)
    {
        // The same colour handling as ours: convert to sRGB only a file that is not sRGB already.
        var outputProfile = Renditions.SrgbConversion(file);
        foreach (var edge in new[] { PreviewEdge, ThumbnailEdge })
        {
            using var image = Image.Thumbnail(file, edge, height: edge, size: Enums.Size.Down, outputProfile: outputProfile);
            image.JpegsaveStream(Stream.Null, q: Quality, optimizeCoding: true, keep: Enums.ForeignKeep.None);
        }
    }

    static void Magick(string file)
    {
        var settings = new MagickReadSettings();
        // Lets libjpeg decode at 1/2, 1/4 or 1/8 scale, to no less than this.
        settings.SetDefine(MagickFormat.Jpeg, "size", $"{PreviewEdge}x{PreviewEdge}");
        using var image = new MagickImage(file, settings);
        image.AutoOrient();
        image.TransformColorSpace(ColorProfiles.SRGB);
        image.Resize(new MagickGeometry(PreviewEdge, PreviewEdge));
        image.Strip();
        image.Quality = Quality;
        image.Write(Stream.Null, MagickFormat.Jpeg);
        using var thumbnail = image.Clone();
        thumbnail.Resize(new MagickGeometry(ThumbnailEdge, ThumbnailEdge));
        thumbnail.Write(Stream.Null, MagickFormat.Jpeg);
    }

    static void Skia(string file)
    {
        using var codec = SKCodec.Create(file);
        var info = codec.Info;
        // The smallest scaled decode still at least the preview's size, then a proper resize.
        var scale = (float)PreviewEdge / Math.Max(info.Width, info.Height);
        var decodedSize = codec.GetScaledDimensions(scale);
        if (Math.Max(decodedSize.Width, decodedSize.Height) < PreviewEdge)
            decodedSize = codec.GetScaledDimensions(Math.Min(1f, scale * 2));
        var decodeInfo = new SKImageInfo(decodedSize.Width, decodedSize.Height, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        using var decoded = new SKBitmap(decodeInfo);
        codec.GetPixels(decodeInfo, decoded.GetPixels());

        var ratio = (double)PreviewEdge / Math.Max(decoded.Width, decoded.Height);
        var sampling = new SKSamplingOptions(SKCubicResampler.Mitchell);
        using var preview = decoded.Resize(new SKImageInfo((int)Math.Round(decoded.Width * ratio), (int)Math.Round(decoded.Height * ratio)), sampling);
        using var upright = Orient(preview, codec.EncodedOrigin);
        upright.Encode(Stream.Null, SKEncodedImageFormat.Jpeg, Quality);
        var thumbRatio = (double)ThumbnailEdge / Math.Max(upright.Width, upright.Height);
        using var thumbnail = upright.Resize(new SKImageInfo((int)Math.Round(upright.Width * thumbRatio), (int)Math.Round(upright.Height * thumbRatio)), sampling);
        thumbnail.Encode(Stream.Null, SKEncodedImageFormat.Jpeg, Quality);
    }

    /// <summary>Skia leaves EXIF orientation to the caller: draw the picture turned (the rotations; the generated set has no mirrored ones).</summary>
    static SKBitmap Orient(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        var degrees = origin switch
        {
            SKEncodedOrigin.RightTop => 90,
            SKEncodedOrigin.BottomRight => 180,
            SKEncodedOrigin.LeftBottom => 270,
            _ => 0,
        };
        var quarter = degrees is 90 or 270;
        var turned = new SKBitmap(quarter ? bitmap.Height : bitmap.Width, quarter ? bitmap.Width : bitmap.Height);
        using var canvas = new SKCanvas(turned);
        canvas.Translate(turned.Width / 2f, turned.Height / 2f);
        canvas.RotateDegrees(degrees);
        canvas.Translate(-bitmap.Width / 2f, -bitmap.Height / 2f);
        canvas.DrawBitmap(bitmap, 0, 0, SKSamplingOptions.Default, null);
        return turned;
    }
}

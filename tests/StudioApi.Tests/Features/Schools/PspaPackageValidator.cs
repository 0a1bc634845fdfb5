using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using NetVips;

namespace StudioApi.Tests.Features.Schools;

/// <summary>One line of a PSPA INDEX.TXT, by its columns.</summary>
public sealed record PspaRecord(string Volume, string Folder, string File, string Grade, string LastName, string FirstName, string HomeRoom,
    string Period, string Teacher, string Track, string Department, string Title, string ImageSize);

/// <summary>
/// Checks a zip against the PSPA yearbook package rules, written from the guidelines rather than from the code that makes
/// it: one top folder (the volume, up to 11 characters) holding INDEX.TXT, COPYRIGHT.TXT and README.TXT (not empty) and
/// image folders; INDEX.TXT tab-delimited with CRLF line ends, its first line the 13 column names in order, then one line
/// of 13 fields per image whose volume is the top folder and whose folder and file exist; folders and files named 8.3
/// (A–Z, 0–9, _; .JPG), each file name once in the volume, every image in the index; every image an RGB JPEG of the
/// expected size (aspect 0.8) whose Image Size column says LARGE (640×800 and up) or SMALL.
/// </summary>
public static partial class PspaPackageValidator
{
    public static readonly string[] Columns =
    [
        "Volume Name", "Image Folder", "Image File Name", "Grade", "Last Name", "First Name", "Home Room", "Period",
        "Teacher Name", "Track", "Department", "Title", "Image Size",
    ];

    static readonly Encoding Ansi = MakeAnsi();

    static Encoding MakeAnsi()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    public static List<PspaRecord> Validate(byte[] zipBytes, int width, int height)
    {
        using var zip = new ZipArchive(new MemoryStream(zipBytes));
        var names = zip.Entries.Select(e => e.FullName).ToList();
        var tops = names.Select(n => n.Split('/')[0]).Distinct().ToList();
        tops.Count.ShouldBe(1, "A PSPA package is one volume: one top folder.");
        var volume = tops[0];
        VolumeName().IsMatch(volume).ShouldBeTrue($"Volume name '{volume}' is 1–11 of A–Z, 0–9, _.");
        names.ShouldAllBe(n => n.Count(c => c == '/') >= 1, "Everything is inside the volume folder.");

        foreach (var required in new[] { "INDEX.TXT", "COPYRIGHT.TXT", "README.TXT" })
            Bytes(zip, $"{volume}/{required}").Length.ShouldBeGreaterThan(0, $"{required} is there and not empty.");
        Ansi.GetString(Bytes(zip, $"{volume}/COPYRIGHT.TXT")).ShouldContain("Copyright");

        var index = Bytes(zip, $"{volume}/INDEX.TXT");
        for (var i = 0; i < index.Length; i++)
            if (index[i] == (byte)'\n')
                (i > 0 && index[i - 1] == (byte)'\r').ShouldBeTrue($"Every line of INDEX.TXT ends in CRLF (byte {i}).");
        index[^2..].ShouldBe("\r\n"u8.ToArray(), "The last line ends in CRLF too.");
        var text = Ansi.GetString(index); // throws on bytes that are not Windows-1252
        var lines = text[..^2].Split("\r\n");
        lines[0].Split('\t').ShouldBe(Columns, "The header line names the 13 columns in order.");

        var records = new List<PspaRecord>();
        var files = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var f = line.Split('\t');
            f.Length.ShouldBe(13, $"13 tab-separated fields: {line}");
            var record = new PspaRecord(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], f[11], f[12]);
            record.Volume.ShouldBe(volume, "Volume Name is the top folder.");
            FolderName().IsMatch(record.Folder).ShouldBeTrue($"Folder '{record.Folder}' is an 8-character name.");
            FileName().IsMatch(record.File).ShouldBeTrue($"File '{record.File}' is an 8.3 name ending .JPG.");
            files.Add(record.File).ShouldBeTrue($"File name {record.File} is used once in the volume.");
            record.LastName.ShouldNotBeNullOrWhiteSpace();
            record.FirstName.ShouldNotBeNullOrWhiteSpace();
            record.ImageSize.ShouldBe(width >= 640 ? "LARGE" : "SMALL");

            using var image = Image.NewFromBuffer(Bytes(zip, $"{volume}/{record.Folder}/{record.File}"));
            image.Get("vips-loader").ShouldBe("jpegload_buffer", $"{record.File} is a JPEG.");
            (image.Width, image.Height).ShouldBe((width, height), $"{record.File} is {width}×{height}.");
            ((double)image.Width / image.Height).ShouldBe(0.8, 0.01);
            image.Bands.ShouldBe(3, $"{record.File} is RGB.");
            image.Interpretation.ShouldBe(Enums.Interpretation.Srgb, $"{record.File} is RGB.");
            records.Add(record);
        }

        var images = names.Where(n => n.Count(c => c == '/') == 2 && !n.EndsWith('/')).ToList();
        images.Count.ShouldBe(records.Count, "Every image in the volume is listed in INDEX.TXT, and only those.");
        return records;
    }

    public static string Text(byte[] zipBytes, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(zipBytes));
        return Ansi.GetString(Bytes(zip, name));
    }

    static byte[] Bytes(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name) ?? throw new ShouldAssertException($"The package has no {name}.");
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    [GeneratedRegex("^[A-Z0-9_]{1,11}$")]
    private static partial Regex VolumeName();

    [GeneratedRegex("^[A-Z0-9_]{1,8}$")]
    private static partial Regex FolderName();

    [GeneratedRegex("^[A-Z0-9_]{1,8}\\.JPG$")]
    private static partial Regex FileName();
}

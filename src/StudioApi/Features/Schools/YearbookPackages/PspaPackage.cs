using System.Globalization;
using System.Text;
using StudioApi.Features.Clients.Organizations;
using StudioApi.Features.Imaging.RenderRuns;
using StudioApi.Features.Schools.Yearbook;

namespace StudioApi.Features.Schools.YearbookPackages;

/// <summary>
/// The PSPA yearbook package layout (the Digital Data &amp; Image Format guidelines school photographers and yearbook
/// publishers share): a top folder named for the volume, holding INDEX.TXT, COPYRIGHT.TXT, README.TXT and folders of
/// images. INDEX.TXT is tab-delimited with CRLF line ends, a header line of the 13 columns, then one line per image.
/// Images are RGB JPEGs at the organization's <see cref="YearbookImageSpec"/> (aspect 0.8: 640×800 large, 320×400
/// small), one per student (the main yearbook image, cut from its proofing crop). Names are short, upper case and unique
/// in the whole volume, so the volume survives any file system and CD: the volume name at most 11 characters, folders
/// and file names 8.3 (A–Z, 0–9, _). Folders hold at most <see cref="ImagesPerFolder"/> images each.
/// </summary>
public static class PspaPackage
{
    public static readonly string[] Columns =
    [
        "Volume Name", "Image Folder", "Image File Name", "Grade", "Last Name", "First Name", "Home Room", "Period",
        "Teacher Name", "Track", "Department", "Title", "Image Size",
    ];

    public const int ImagesPerFolder = 500;
    public const double AspectRatio = 0.8;

    /// <summary>Why the spec cannot make a PSPA package (its images must be 4:5 portrait), or null when it can.</summary>
    public static string? SpecProblem(YearbookImageSpec spec) =>
        Math.Abs((double)spec.WidthPx / spec.HeightPx - AspectRatio) > 0.01
            ? $"PSPA yearbook images are 4:5 portraits (width / height 0.8, such as 640×800 or 320×400); this organization's yearbookImageSpec is {spec.WidthPx}×{spec.HeightPx}."
            : null;

    /// <summary>The volume name: upper-case letters, digits and _ of the given name (or the organization's code), at most 11.</summary>
    public static string VolumeName(string from)
    {
        var name = ShortName(from, RenderRunLimits.VolumeNameLength);
        return name.Length > 0 ? name : "YEARBOOK";
    }

    public static string ImageSize(YearbookImageSpec spec) => spec.WidthPx >= 640 ? "LARGE" : "SMALL";

    /// <summary>The images and their index lines, in grade, last and first name order, and the students without an image.</summary>
    public static (List<PackageImage> Images, List<RenderRunMissingStudent> Missing) Plan(
        string volume, YearbookImageSpec spec, IReadOnlyList<YearbookStudent> students)
    {
        var pattern = spec.FileNamePattern;
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var images = new List<PackageImage>();
        var missing = new List<RenderRunMissingStudent>();
        var size = ImageSize(spec);
        var ordered = students
            .OrderBy(s => GradeOrder(s.Student.Grade)).ThenBy(s => s.Student.Grade, StringComparer.OrdinalIgnoreCase)
            .ThenBy(s => s.LastName, StringComparer.CurrentCultureIgnoreCase).ThenBy(s => s.FirstName, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(s => s.ClientId);
        foreach (var student in ordered)
        {
            if (student.Main is not { } main)
            {
                missing.Add(new RenderRunMissingStudent
                {
                    ClientId = student.ClientId, FirstName = student.FirstName, LastName = student.LastName,
                    StudentId = student.Student.StudentId, Grade = student.Student.Grade, Homeroom = student.Student.Homeroom,
                    Reason = student.SessionId is null ? "No session of the organization." : "No main yearbook image chosen.",
                });
                continue;
            }
            var folder = $"FOLDER{images.Count / ImagesPerFolder + 1:00}";
            var file = UniqueFileName(pattern, student, taken);
            var fields = new[]
            {
                volume, folder, file, student.Student.Grade, student.LastName, student.FirstName, student.Student.Homeroom, "",
                student.Student.Teacher, "", "", "", size,
            };
            images.Add(new PackageImage(main.Id, main.SessionId, student.SessionNumber ?? 0, main.Number, $"{volume}/{folder}/{file}",
                string.Join('\t', fields.Select(PackageText.Field))));
        }
        return (images, missing);
    }

    public static string Readme(Organization organization, string volume, YearbookImageSpec spec, int images, int missing, DateOnly made) =>
        $"""
        PSPA yearbook portrait package
        Organization: {organization.Name} ({organization.Code})
        Volume: {volume}
        Made: {made:yyyy-MM-dd}

        {images} portrait(s), one per student, as RGB JPEG files of {spec.WidthPx} x {spec.HeightPx} pixels at {spec.Dpi} dpi ({ImageSize(spec)}),
        in folders of at most {ImagesPerFolder} images. INDEX.TXT lists every image, tab-delimited, one line per image after a
        header line with the columns: {string.Join(", ", Columns)}.
        {missing} student(s) on the roster have no portrait in this package (no yearbook image chosen yet, or not photographed).

        """;

    public static string Copyright(string studio, Organization organization, int year) =>
        $"""
        Copyright {year} {studio}. All rights reserved.
        The portraits in this volume are licensed to {organization.Name} for use in its yearbook and school publications only.
        Any other use, reproduction or distribution needs the written permission of {studio}.

        """;

    /// <summary>The pattern's name for the student, made 8.3-safe; a name already used, or empty, becomes Y and a number.</summary>
    static string UniqueFileName(string pattern, YearbookStudent student, HashSet<string> taken)
    {
        var wanted = pattern
            .Replace("{studentId}", student.Student.StudentId ?? "", StringComparison.OrdinalIgnoreCase)
            .Replace("{lastName}", student.LastName ?? "", StringComparison.OrdinalIgnoreCase)
            .Replace("{firstName}", student.FirstName ?? "", StringComparison.OrdinalIgnoreCase)
            .Replace("{grade}", student.Student.Grade ?? "", StringComparison.OrdinalIgnoreCase);
        var name = ShortName(wanted, 8);
        for (var n = taken.Count + 1; name.Length == 0 || !taken.Add(name); n++)
            name = $"Y{n:0000000}";
        return name + ".JPG";
    }

    /// <summary>Upper-case A–Z, 0–9 and _ of the text (folded to ASCII: accents dropped, Ø → O), at most the given length.</summary>
    static string ShortName(string text, int length)
    {
        var name = new StringBuilder(length);
        foreach (var c in PackageText.FoldToAscii(text))
        {
            var upper = char.ToUpperInvariant(c);
            if (upper is >= 'A' and <= 'Z' or >= '0' and <= '9' or '_')
                name.Append(upper);
            if (name.Length == length)
                break;
        }
        return name.ToString();
    }

    /// <summary>Kindergarten (and pre-K) before grade 1, numbered grades in number order, anything else after them.</summary>
    static int GradeOrder(string? grade) => grade?.Trim().ToUpperInvariant() switch
    {
        "PK" or "PREK" or "PRE-K" => -2,
        "K" or "KG" => 0,
        { } g when int.TryParse(g, NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
        _ => 1000,
    };
}

using PdfSharp.Fonts;

namespace StudioApi.Features.Messaging.Printing;

/// <summary>
/// The one font family the studio's PDFs use, "StudioSans" (regular and bold), found as TrueType files: the folder in
/// Messaging:Pdf:FontDirectory, else Liberation Sans or DejaVu Sans from the usual Linux folders (Debian's
/// fonts-liberation, which the Dockerfile installs), else Arial on Windows and macOS. PDFsharp has no fonts of its own
/// outside Windows, so without one a PDF cannot be made: the error says where fonts were looked for.
/// </summary>
public sealed class PdfFonts : IFontResolver
{
    public const string Family = "StudioSans";
    const string Regular = "StudioSans-Regular", Bold = "StudioSans-Bold";

    static readonly Lock Gate = new();
    static PdfFonts? installed;

    readonly string[] regularCandidates;
    readonly string[] boldCandidates;

    PdfFonts(string? directory)
    {
        var folders = new List<string>();
        if (!string.IsNullOrWhiteSpace(directory))
            folders.Add(directory);
        folders.AddRange(["/usr/share/fonts/truetype/liberation", "/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/liberation-sans",
            "/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", @"C:\Windows\Fonts", "/Library/Fonts", "/System/Library/Fonts/Supplemental"]);
        regularCandidates = folders.SelectMany(f => new[] { "LiberationSans-Regular.ttf", "DejaVuSans.ttf", "arial.ttf", "Arial.ttf" }.Select(n => Path.Combine(f, n))).ToArray();
        boldCandidates = folders.SelectMany(f => new[] { "LiberationSans-Bold.ttf", "DejaVuSans-Bold.ttf", "arialbd.ttf", "Arial Bold.ttf" }.Select(n => Path.Combine(f, n))).ToArray();
    }

    /// <summary>Installs the resolver for the process (PDFsharp's setting is global), once.</summary>
    public static void Install(string? directory)
    {
        lock (Gate)
        {
            if (installed is not null)
                return;
            installed = new PdfFonts(directory);
            GlobalFontSettings.FontResolver = installed;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular);

    public byte[]? GetFont(string faceName)
    {
        var candidates = faceName == Bold ? boldCandidates : regularCandidates;
        var found = candidates.FirstOrDefault(File.Exists)
                    ?? (faceName == Bold ? regularCandidates.FirstOrDefault(File.Exists) : null)
                    ?? throw new InvalidOperationException(
                        "No font for PDFs was found: install fonts-liberation (or DejaVu), or set Messaging:Pdf:FontDirectory to a folder "
                        + "holding LiberationSans-Regular.ttf and LiberationSans-Bold.ttf.");
        return File.ReadAllBytes(found);
    }
}

using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace StudioApi.Features.Messaging.Printing;

/// <summary>
/// Writes text onto PDF pages top to bottom: paragraphs wrapped at word boundaries to the page's width, a new page when
/// one is full. Letter paper for studios in the US and Canada, A4 elsewhere. Enough for letters and job sheets, without
/// a layout engine (MigraDoc is not on the feed).
/// </summary>
public sealed class PdfLayout : IDisposable
{
    public const double Margin = 54; // three quarters of an inch

    readonly PdfDocument document = new();
    readonly PageSize size;
    XGraphics? graphics;

    public PdfLayout(string title, string? country)
    {
        size = country is "US" or "CA" or null ? PageSize.Letter : PageSize.A4;
        document.Info.Title = title;
        document.Info.Creator = "StudioApi";
        NewPage();
    }

    public PdfPage Page { get; private set; } = null!;
    public XGraphics Graphics => graphics!;
    public double Y { get; set; }
    public double Width => Page.Width.Point - 2 * Margin;
    public double Bottom => Page.Height.Point - Margin;
    public int PageCount => document.PageCount;

    public static XFont Font(double size, bool bold = false) => new(PdfFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);

    public void NewPage()
    {
        graphics?.Dispose();
        Page = document.AddPage();
        Page.Size = size;
        graphics = XGraphics.FromPdfPage(Page);
        Y = Margin;
    }

    /// <summary>Makes room for <paramref name="height"/> points, starting a new page when the current one has not got it.</summary>
    public void Need(double height)
    {
        if (Y + height > Bottom && Y > Margin)
            NewPage();
    }

    /// <summary>Text with its line breaks kept and long lines wrapped, from the left margin (plus <paramref name="indent"/>).</summary>
    public void Text(string text, XFont font, double indent = 0, double? width = null)
    {
        var lineHeight = font.GetHeight() * 1.2;
        foreach (var line in Wrap(text, font, width ?? Width - indent))
        {
            Need(lineHeight);
            if (line.Length > 0)
                Graphics.DrawString(line, font, XBrushes.Black, new XPoint(Margin + indent, Y), XStringFormats.TopLeft);
            Y += lineHeight;
        }
    }

    public void Space(double points) => Y += points;

    public void Rule()
    {
        Need(6);
        Graphics.DrawLine(XPens.LightGray, Margin, Y, Margin + Width, Y);
        Y += 6;
    }

    /// <summary>The lines <paramref name="text"/> takes at <paramref name="width"/>: its own line breaks, then word wrap (a word too long for a line is cut).</summary>
    public List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Replace('\t', ' ').Split(' '))
            {
                var candidate = line.Length == 0 ? word : $"{line} {word}";
                if (Graphics.MeasureString(candidate, font).Width <= width)
                {
                    line = candidate;
                    continue;
                }
                if (line.Length > 0)
                    lines.Add(line);
                line = word;
                while (line.Length > 1 && Graphics.MeasureString(line, font).Width > width)
                {
                    var fits = line.Length - 1;
                    while (fits > 1 && Graphics.MeasureString(line[..fits], font).Width > width)
                        fits--;
                    lines.Add(line[..fits]);
                    line = line[fits..];
                }
            }
            lines.Add(line);
        }
        return lines;
    }

    /// <summary>The PDF; the layout is finished then (PDFsharp answers nothing more about a saved document).</summary>
    public byte[] ToBytes()
    {
        graphics?.Dispose();
        graphics = null;
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    public void Dispose()
    {
        graphics?.Dispose();
        document.Dispose();
    }
}

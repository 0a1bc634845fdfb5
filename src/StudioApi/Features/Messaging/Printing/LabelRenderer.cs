using PdfSharp.Drawing;

namespace StudioApi.Features.Messaging.Printing;

/// <summary>
/// Labels on a label sheet: each label's lines, fitted to the label (the font shrinks for a long address, and what
/// still does not fit is cut), left to right and top to bottom, starting at a given position so a part-used sheet
/// can be fed again.
/// </summary>
public static class LabelRenderer
{
    const double Padding = 6;

    public static (byte[] Pdf, int Pages) Render(string title, LabelStock stock, IReadOnlyList<IReadOnlyList<string>> labels, int startAt)
    {
        var sheet = LabelSheet.Of(stock);
        using var pdf = new PdfLayout(title, sheet.Page);
        var position = Math.Clamp(startAt - 1, 0, sheet.PerSheet - 1);
        foreach (var lines in labels)
        {
            if (position == sheet.PerSheet)
            {
                pdf.NewPage();
                position = 0;
            }
            var x = sheet.Left + position % sheet.Columns * sheet.PitchX + Padding;
            var y = sheet.Top + position / sheet.Columns * sheet.PitchY + Padding;
            Draw(pdf.Graphics, lines, x, y, sheet.Width - 2 * Padding, sheet.Height - 2 * Padding);
            position++;
        }
        var pages = pdf.PageCount;
        return (pdf.ToBytes(), pages);
    }

    static void Draw(XGraphics graphics, IReadOnlyList<string> lines, double x, double y, double width, double height)
    {
        var size = 10.0;
        XFont font;
        while (true)
        {
            font = PdfLayout.Font(size);
            var fits = lines.Count * font.GetHeight() <= height && lines.All(l => graphics.MeasureString(l, font).Width <= width);
            if (fits || size <= 6)
                break;
            size -= 0.5;
        }
        var lineHeight = font.GetHeight();
        foreach (var line in lines.Take(Math.Max(1, (int)(height / lineHeight))))
        {
            var text = line;
            while (text.Length > 1 && graphics.MeasureString(text, font).Width > width)
                text = text[..^1];
            graphics.DrawString(text, font, XBrushes.Black, new XPoint(x, y), XStringFormats.TopLeft);
            y += lineHeight;
        }
    }
}

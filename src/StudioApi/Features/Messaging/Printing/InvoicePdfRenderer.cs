using PdfSharp.Drawing;
using StudioApi.Features.Messaging.Merging;
using StudioApi.Features.Sales.Invoices.Document;

namespace StudioApi.Features.Messaging.Printing;

/// <summary>
/// The invoice document as a PDF on the studio's letterhead, with the letters' layout and fonts (<see cref="PdfFonts"/>):
/// the studio's name and how to reach it, the title, then each section — facts as label and value, tables with their
/// columns sized to what they hold (the widest column wraps) and rows that never split across pages.
/// </summary>
public sealed class InvoicePdfRenderer : IInvoicePdfWriter
{
    const double LabelWidth = 130, CellPadding = 6;

    public byte[] Write(InvoiceDocument document)
    {
        var studio = document.Studio;
        using var pdf = new PdfLayout($"{document.Title} – {studio.Name}", studio.Address.Country);
        pdf.Text(studio.Name, PdfLayout.Font(16, bold: true));
        var contact = string.Join("  ·  ", new[] { MergeDataReader.Block(studio.Address)?.Replace("\n", ", "), studio.Phone, studio.Email, studio.Website }
            .Where(p => !string.IsNullOrWhiteSpace(p)));
        if (contact.Length > 0)
            pdf.Text(contact, PdfLayout.Font(8.5));
        pdf.Rule();
        pdf.Space(8);
        pdf.Text(document.Title, PdfLayout.Font(15, bold: true));
        if (document.Notice is { } notice)
        {
            pdf.Space(4);
            pdf.Text(notice, PdfLayout.Font(11, bold: true));
        }
        foreach (var section in document.Sections)
        {
            pdf.Space(10);
            pdf.Need(40); // a heading never ends a page on its own
            pdf.Text(section.Heading, PdfLayout.Font(11, bold: true));
            pdf.Rule();
            if (section.IsTable)
                Table(pdf, section);
            else
                Facts(pdf, section);
        }
        pdf.Space(16);
        pdf.Text(document.Closing, PdfLayout.Font(10));
        return pdf.ToBytes();
    }

    static void Facts(PdfLayout pdf, InvoiceDocumentSection section)
    {
        XFont label = PdfLayout.Font(9.5, bold: true), value = PdfLayout.Font(9.5);
        var lineHeight = value.GetHeight() * 1.2;
        foreach (var (name, text) in section.Facts)
        {
            var lines = pdf.Wrap(text ?? "", value, pdf.Width - LabelWidth);
            pdf.Need(lines.Count * lineHeight);
            pdf.Graphics.DrawString(name, label, XBrushes.Black, new XPoint(PdfLayout.Margin, pdf.Y), XStringFormats.TopLeft);
            foreach (var line in lines)
            {
                pdf.Graphics.DrawString(line, value, XBrushes.Black, new XPoint(PdfLayout.Margin + LabelWidth, pdf.Y), XStringFormats.TopLeft);
                pdf.Y += lineHeight;
            }
        }
    }

    static void Table(PdfLayout pdf, InvoiceDocumentSection section)
    {
        XFont header = PdfLayout.Font(8.5, bold: true), cell = PdfLayout.Font(8.5);
        var lineHeight = cell.GetHeight() * 1.2;
        var columns = section.Columns.Count;
        // Each column as wide as its widest line; when they do not all fit, the widest column gives way and wraps.
        var widths = Enumerable.Range(0, columns).Select(c =>
            Math.Max(Measure(pdf, section.Columns[c], header),
                section.Rows.Select(r => (r.ElementAtOrDefault(c) ?? "").Split('\n').Max(line => Measure(pdf, line, cell))).DefaultIfEmpty(0).Max())
            + CellPadding).ToArray();
        var widest = Array.IndexOf(widths, widths.Max());
        var others = widths.Sum() - widths[widest];
        if (widths.Sum() > pdf.Width)
            widths[widest] = Math.Max(60, pdf.Width - others);

        void Row(IReadOnlyList<string?> cells, XFont font)
        {
            var wrapped = Enumerable.Range(0, columns).Select(c => pdf.Wrap(cells.ElementAtOrDefault(c) ?? "", font, widths[c] - CellPadding)).ToList();
            var height = wrapped.Max(lines => lines.Count) * lineHeight + 2;
            pdf.Need(height);
            var x = PdfLayout.Margin;
            for (var c = 0; c < columns; c++)
            {
                var y = pdf.Y;
                foreach (var line in wrapped[c])
                {
                    pdf.Graphics.DrawString(line, font, XBrushes.Black, new XPoint(x, y), XStringFormats.TopLeft);
                    y += lineHeight;
                }
                x += widths[c];
            }
            pdf.Y += height;
            pdf.Graphics.DrawLine(XPens.LightGray, PdfLayout.Margin, pdf.Y - 1, PdfLayout.Margin + Math.Min(pdf.Width, widths.Sum()), pdf.Y - 1);
        }

        Row(section.Columns, header);
        foreach (var row in section.Rows)
            Row(row, cell);
    }

    static double Measure(PdfLayout pdf, string text, XFont font) => text.Length == 0 ? 0 : pdf.Graphics.MeasureString(text, font).Width;
}

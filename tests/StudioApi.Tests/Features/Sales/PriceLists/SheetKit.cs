using System.IO.Compression;
using System.Text;
using MiniExcelLibs;

namespace StudioApi.Tests.Features.Sales.PriceLists;

/// <summary>Price list files as a studio makes them: CSV text and XLSX workbooks, and the damaged and hostile kinds.</summary>
public static class SheetKit
{
    public static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    /// <summary>An XLSX of these rows under these headings, cells typed as given (numbers stay numbers).</summary>
    public static byte[] Xlsx(string[] headings, params object?[][] rows)
    {
        var sheet = rows.Select(row => headings.Select((h, i) => (h, v: i < row.Length ? row[i] : null)).ToDictionary(x => x.h, x => x.v)).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(sheet, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>The workbook with its first sheet's XML changed (a formula put in a cell, say).</summary>
    public static byte[] EditSheet(byte[] xlsx, Func<string, string> edit)
    {
        var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(xlsx)))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var entry in source.Entries)
            {
                var text = new StreamReader(entry.Open()).ReadToEnd();
                if (entry.FullName.EndsWith("sheet1.xml", StringComparison.Ordinal))
                    text = edit(text);
                using var writer = target.CreateEntry(entry.FullName).Open();
                writer.Write(Encoding.UTF8.GetBytes(text));
            }
        return output.ToArray();
    }

    /// <summary>The XML of a workbook's first sheet.</summary>
    public static string SheetXml(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        return new StreamReader(zip.Entries.First(e => e.FullName.EndsWith("sheet1.xml", StringComparison.Ordinal)).Open()).ReadToEnd();
    }

    /// <summary>A zip that is no workbook (an export of photos, say).</summary>
    public static byte[] PlainZip()
    {
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        using (var writer = zip.CreateEntry("readme.txt").Open())
            writer.Write("not a workbook"u8);
        return output.ToArray();
    }

    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01];

    public static readonly byte[] OldExcel = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00];
}

using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;
using StudioApi.Platform.Http.Problems;

namespace StudioApi.Features.Sales.PriceLists.Import;

public enum SheetFormat
{
    Csv,
    Xlsx,
}

/// <summary>One data row as read: its line in the file (the heading is line 1) and its cells by column position.</summary>
public sealed record SheetRow(int Line, IReadOnlyList<object?> Cells, string? Problem = null);

/// <summary>A file's headings and rows; blank rows are left out.</summary>
public sealed record SheetContent(SheetFormat Format, string? Encoding, IReadOnlyList<string> Headings, IReadOnlyList<SheetRow> Rows);

/// <summary>
/// Reads an uploaded price list, judged by its content, not its name: an XLSX workbook (a zip holding a workbook), or
/// CSV text (UTF-8, UTF-16 with its byte-order mark, or Windows-1252 as older Excel saves it; comma, semicolon or tab
/// separated). Anything else is a 415. XLSX cells are read as the values the file stores: a formula is never evaluated,
/// its last computed value is taken (none if it was never computed). A zip that would unpack past the limit is refused
/// before it is read.
/// </summary>
public static class SpreadsheetReader
{
    public static SheetContent Read(byte[] bytes, PriceListImportOptions limits)
    {
        if (bytes.Length == 0)
            throw ApiProblem.RuleBroken("The file is empty: send a CSV or XLSX price list with a heading row.");
        if (StartsWith(bytes, [0x50, 0x4B, 0x03, 0x04]))
            return ReadXlsx(bytes, limits);
        if (StartsWith(bytes, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
            throw Unsupported("This is an old Excel file (.xls): save it as an Excel workbook (.xlsx) or as CSV.");
        return ReadCsv(bytes, limits);
    }

    static bool StartsWith(byte[] bytes, byte[] prefix) => bytes.Length >= prefix.Length && bytes.AsSpan(0, prefix.Length).SequenceEqual(prefix);

    static ApiProblem Unsupported(string detail) => new(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", detail);

    static ApiProblem TooManyRows(int max) => ApiProblem.RuleBroken($"The file holds more than {max} item rows: split it into several imports.");

    static SheetContent ReadXlsx(byte[] bytes, PriceListImportOptions limits)
    {
        try
        {
            using (var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read))
            {
                var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
                if (!names.Contains("[Content_Types].xml") || !names.Contains("xl/workbook.xml"))
                    throw Unsupported("This zip file is not an Excel workbook: send an .xlsx or a .csv file (an OpenDocument sheet saved as .xlsx works too).");
                if (zip.Entries.Count > 10_000 || zip.Entries.Sum(e => e.Length) > limits.MaxUnpackedBytes)
                    throw ApiProblem.RuleBroken($"The workbook unpacks to more than {limits.MaxUnpackedBytes / (1024 * 1024)} MB: a price list needs far less.");
            }

            using var stream = new MemoryStream(bytes);
            var headings = new List<string>();
            var rows = new List<SheetRow>();
            var line = 0;
            foreach (IDictionary<string, object?> cells in stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX))
            {
                line++;
                var values = cells.OrderBy(c => ColumnIndex(c.Key)).Select(c => (Index: ColumnIndex(c.Key), c.Value)).ToList();
                var width = values.Count == 0 ? 0 : values[^1].Index + 1;
                var row = new object?[width];
                foreach (var (index, value) in values)
                    row[index] = value is string text ? text.Trim() : value;
                if (line == 1)
                {
                    headings.AddRange(row.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)?.Trim() ?? ""));
                    continue;
                }
                if (row.All(IsBlank))
                    continue;
                if (rows.Count == limits.MaxRows)
                    throw TooManyRows(limits.MaxRows);
                rows.Add(new SheetRow(line, row));
            }
            return new SheetContent(SheetFormat.Xlsx, null, headings, rows);
        }
        catch (Exception e) when (e is not ApiProblem and not OperationCanceledException)
        {
            // A damaged zip, broken XML, a part missing: the workbook cannot be read, whatever the reason inside.
            throw ApiProblem.RuleBroken("The file looks like an Excel workbook but cannot be read (damaged or not saved by a spreadsheet program): save it again as .xlsx or as CSV.");
        }
    }

    /// <summary>A column's letters as a position: A is 0, Z 25, AA 26.</summary>
    static int ColumnIndex(string letters)
    {
        var index = 0;
        foreach (var c in letters)
            index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        return index - 1;
    }

    public static bool IsBlank(object? value) => value is null || value is string text && string.IsNullOrWhiteSpace(text);

    static SheetContent ReadCsv(byte[] bytes, PriceListImportOptions limits)
    {
        var (text, encoding) = Decode(bytes);
        if (text.Any(c => c < ' ' && c is not ('\t' or '\r' or '\n')))
            throw Unsupported("The file is neither CSV text nor an Excel workbook: send a .csv or .xlsx price list.");

        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";", "\t"],
            BadDataFound = null,
        };
        using var parser = new CsvParser(new StringReader(text), config);
        var headings = new List<string>();
        var rows = new List<SheetRow>();
        while (parser.Read())
        {
            var record = parser.Record ?? [];
            if (parser.Row == 1)
            {
                headings.AddRange(record.Select(h => h.Trim().TrimStart('\uFEFF')));
                continue;
            }
            var cells = record.Select(c => (object?)PriceListSheet.Undefused(c.Trim())).ToArray();
            if (cells.All(IsBlank))
                continue;
            if (rows.Count == limits.MaxRows)
                throw TooManyRows(limits.MaxRows);
            rows.Add(new SheetRow(parser.Row, cells));
        }
        return new SheetContent(SheetFormat.Csv, encoding, headings, rows);
    }

    /// <summary>UTF-8 (with or without its mark), UTF-16 by its mark, else Windows-1252: what spreadsheets save CSV as.</summary>
    static (string Text, string Encoding) Decode(byte[] bytes)
    {
        if (StartsWith(bytes, [0xFF, 0xFE]))
            return (Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2), "utf-16");
        if (StartsWith(bytes, [0xFE, 0xFF]))
            return (Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2), "utf-16");
        var offset = StartsWith(bytes, [0xEF, 0xBB, 0xBF]) ? 3 : 0;
        try
        {
            return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, offset, bytes.Length - offset), "utf-8");
        }
        catch (DecoderFallbackException)
        {
            return (WindowsLatin.GetString(bytes), "windows-1252");
        }
    }

    static readonly Encoding WindowsLatin = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
}

using System.ComponentModel.DataAnnotations;

namespace StudioApi.Features.Sales.PriceLists.Import;

/// <summary>
/// What an import did, or would do (a dry run): each row's outcome with the cells it refused and why, the groups it
/// made, and the counts. Nothing is half-imported: a real run that refuses any row writes nothing.
/// </summary>
public sealed class PriceListImportReport
{
    /// <summary>True when nothing was written because the caller asked for a dry run.</summary>
    public required bool DryRun { get; init; }
    /// <summary>True when the rows were written (a real run with no refused row).</summary>
    public required bool Imported { get; set; }
    /// <summary>csv or xlsx, as judged by the file's content.</summary>
    public required SheetFormat Format { get; init; }
    /// <summary>How a CSV file's text was read: utf-8, utf-16 or windows-1252 (null for XLSX).</summary>
    [MaxLength(20)]
    public string? Encoding { get; init; }
    public required int Created { get; init; }
    public required int Updated { get; init; }
    /// <summary>Rows identical to their item: left alone.</summary>
    public required int Unchanged { get; init; }
    public required int Refused { get; init; }
    /// <summary>Groups named in the file that the list did not have, made by the import.</summary>
    [MaxLength(PriceListResponse.MaxGroups)]
    public required IReadOnlyList<string> GroupsCreated { get; init; }
    /// <summary>The problems of the file as a whole (its headings); with any, no row is read.</summary>
    [MaxLength(100)]
    public required IReadOnlyList<ImportCellError> FileErrors { get; init; }
    /// <summary>One result per item row, in file order.</summary>
    [MaxLength(10_000)]
    public required IReadOnlyList<ImportRowResult> Rows { get; init; }
}

public enum ImportRowOutcome
{
    Created,
    Updated,
    Unchanged,
    Refused,
}

public sealed class ImportRowResult
{
    /// <summary>The row's line in the file (the heading row is line 1).</summary>
    public required int Line { get; init; }
    [MaxLength(200)]
    public string? Code { get; init; }
    public required ImportRowOutcome Outcome { get; init; }
    /// <summary>The item created or updated; null on a dry run for a new item, and for a refused row.</summary>
    public long? ItemId { get; set; }
    /// <summary>The columns whose values change an existing item.</summary>
    [MaxLength(30)]
    public required IReadOnlyList<string> ChangedColumns { get; init; }
    /// <summary>Why the row is refused, cell by cell.</summary>
    [MaxLength(30)]
    public required IReadOnlyList<ImportCellError> Errors { get; init; }
}

/// <summary>One refused cell: its line, its column (as the file heads it; null for the row as a whole) and why.</summary>
public sealed class ImportCellError
{
    public required int Line { get; init; }
    [MaxLength(200)]
    public string? Column { get; init; }
    [MaxLength(1000)]
    public required string Reason { get; init; }
}

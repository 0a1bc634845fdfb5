namespace StudioApi.Features.Sales.PriceLists.Import;

/// <summary>Limits of a price list import (section PriceListImport).</summary>
public sealed class PriceListImportOptions
{
    public const string Section = "PriceListImport";

    /// <summary>The largest file taken (default 5 MB: a 5,000-item XLSX is about 300 KB).</summary>
    public long MaxFileBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>The most item rows a file may hold (default 5,000).</summary>
    public int MaxRows { get; set; } = 5_000;

    /// <summary>The most an XLSX may unpack to (default 50 MB), so a small zip cannot expand without end.</summary>
    public long MaxUnpackedBytes { get; set; } = 50 * 1024 * 1024;
}

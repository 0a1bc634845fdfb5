using System.ComponentModel.DataAnnotations;

namespace StudioApi.Platform.Http.Paging;

/// <summary>Query parameters every list takes: page size, the cursor from the previous page, and the sort key.</summary>
public abstract class ListRequest
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
    public const int MaxCursorLength = 1000;

    /// <summary>How many records to return (1–200, default 50).</summary>
    public int? Limit { get; set; }

    /// <summary>The <c>nextCursor</c> of the previous page; omit for the first page.</summary>
    public string? Cursor { get; set; }

    /// <summary>Sort key; prefix with <c>-</c> for descending. Ties are broken by id, so the order is stable.</summary>
    public string? Sort { get; set; }
}

/// <summary>One page of a list. <c>nextCursor</c> is null on the last page.</summary>
public sealed class Page<T>
{
    // The limits are for the contract (maxItems, maxLength); KeysetPaging keeps to them.
    [MaxLength(ListRequest.MaxLimit)]
    public required IReadOnlyList<T> Items { get; init; }

    [MaxLength(ListRequest.MaxCursorLength)]
    public required string? NextCursor { get; init; }
}

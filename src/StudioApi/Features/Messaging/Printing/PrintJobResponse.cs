using StudioApi.Platform.Http;

namespace StudioApi.Features.Messaging.Printing;

public sealed class PrintJobResponse : RecordResponse
{
    public required PrintJobKind Kind { get; init; }
    public required string Title { get; init; }
    /// <summary>The letter it prints.</summary>
    public long? CommunicationId { get; init; }
    /// <summary>The day a job sheet lists.</summary>
    public DateOnly? Date { get; init; }
    public required long Bytes { get; init; }
    public required int Pages { get; init; }
    /// <summary>When it was marked printed; null while it waits in the print queue.</summary>
    public DateTimeOffset? PrintedAt { get; init; }
    public string? PrintedBy { get; init; }
    /// <summary>Where to download the PDF (with the caller's token).</summary>
    public required string PdfUrl { get; init; }

    public static PrintJobResponse From(PrintJob p) => new PrintJobResponse
    {
        Kind = p.Kind,
        Title = p.Title,
        CommunicationId = p.CommunicationId,
        Date = p.Date,
        Bytes = p.Bytes,
        Pages = p.Pages,
        PrintedAt = p.PrintedAt,
        PrintedBy = p.PrintedBy,
        PdfUrl = $"/api/v1/print-jobs/{p.Id}/pdf",
    }.WithAudit(p);
}

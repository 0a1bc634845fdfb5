using FastEndpoints;
using Microsoft.Net.Http.Headers;
using StudioApi.Features.Scheduling;
using StudioApi.Features.Scheduling.Sessions.Confirmations;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;

namespace StudioApi.Features.Sales.Invoices.Document;

/// <summary>The invoice document's format.</summary>
public enum InvoiceDocumentFormat
{
    /// <summary>A self-contained HTML page (text/html).</summary>
    Html,
    /// <summary>A PDF (application/pdf).</summary>
    Pdf,
}

public sealed class GetInvoiceDocumentRequest
{
    public long Id { get; set; }
    /// <summary>html or pdf; without it the Accept header decides (application/pdf preferred to text/html gives the PDF), else HTML.</summary>
    public InvoiceDocumentFormat? Format { get; set; }
}

/// <summary>
/// The invoice as the client gets it, printed or e-mailed: on the studio's letterhead (its name, address, phone,
/// e-mail and web site from the settings), amounts in the studio's currency; an HTML page (every value encoded) or a PDF.
/// </summary>
public sealed class GetInvoiceDocumentEndpoint(StudioDbContext db, StudioCalendar calendar, IInvoicePdfWriter pdf) : Endpoint<GetInvoiceDocumentRequest>
{
    public const string PdfContentType = "application/pdf";

    public override void Configure()
    {
        Get("/invoices/{id}/document");
        Roles(InvoiceAccess.Sellers);
        Description(d => d.Operation("Invoices", "GetDocument", "Get an invoice's printable document",
                "The invoice on the studio's letterhead: the lines, taxes, coupons, totals, payments, balance and payment plan. "
                + "An HTML page, or a PDF with format=pdf or `Accept: application/pdf`.")
            .Produces<Stream>(StatusCodes.Status200OK, ConfirmationPage.ContentType, PdfContentType));
    }

    public override async Task HandleAsync(GetInvoiceDocumentRequest req, CancellationToken ct)
    {
        var invoice = await InvoiceAccess.FindAsync(db, User, req.Id, ct);
        var document = await InvoiceDocument.ReadAsync(db, invoice, await calendar.TodayAsync(ct), ct);
        HttpContext.Response.Headers.Vary = "Accept";
        if ((req.Format ?? FromAccept(HttpContext.Request)) == InvoiceDocumentFormat.Pdf)
        {
            HttpContext.Response.Headers.ContentDisposition = $"inline; filename=\"{document.FileName("pdf")}\"";
            await Send.BytesAsync(pdf.Write(document), contentType: PdfContentType, cancellation: ct);
            return;
        }
        await Send.StringAsync(document.ToHtml(), StatusCodes.Status200OK, $"{ConfirmationPage.ContentType}; charset=utf-8", ct);
    }

    /// <summary>PDF when the caller ranks application/pdf above text/html (a missing type ranks 0; */* ranks both alike, so HTML).</summary>
    static InvoiceDocumentFormat FromAccept(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted))
            return InvoiceDocumentFormat.Html;
        double Rank(string type) => accepted.Where(a => a.MediaType.Equals(type, StringComparison.OrdinalIgnoreCase))
            .Select(a => a.Quality ?? 1).DefaultIfEmpty(0).Max();
        return Rank(PdfContentType) > Rank(ConfirmationPage.ContentType) ? InvoiceDocumentFormat.Pdf : InvoiceDocumentFormat.Html;
    }
}

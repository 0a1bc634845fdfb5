using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Clients;
using StudioApi.Features.Clients.Clients;
using StudioApi.Features.Imaging;
using StudioApi.Features.Imaging.Images;
using StudioApi.Features.Imaging.Images.ContactSheet;
using StudioApi.Features.Sales;
using StudioApi.Features.Sales.Invoices.Document;
using StudioApi.Features.Scheduling;
using StudioApi.Features.Scheduling.Sessions.Confirmations;
using StudioApi.Features.Scheduling.Sessions.Confirmations.ForClient;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Storage;
using StudioApi.Platform.Studio;

namespace StudioApi.Features.Messaging.Communications;

/// <summary>
/// Makes an e-mail's attachments when it is queued: the session's confirmation (the same page as
/// Sessions_GetConfirmation) and the first page of its contact sheet, each written to the file store, so the outbox
/// sends exactly what was made, however often it has to try; and the invoice's document as a PDF (the same as
/// Invoices_GetDocument with format=pdf, as it stood when the e-mail was queued).
/// </summary>
public sealed class AttachmentMaker(StudioDbContext db, IFileStore store, ContactSheetRenderer contactSheets, IInvoicePdfWriter invoicePdf, StudioCalendar calendar)
{
    /// <summary>The attachment of <paramref name="kind"/>: the session's (confirmation, contact sheet) or the invoice's document.</summary>
    public async Task<CommunicationAttachment> MakeAsync(AttachmentKind kind, long? sessionId, long? invoiceId, CancellationToken ct)
    {
        long Session() => sessionId ?? throw new InvalidOperationException($"A {kind} attachment needs the session.");
        var (name, type, bytes) = kind switch
        {
            AttachmentKind.SessionConfirmation => ($"session-confirmation.html", "text/html",
                Encoding.UTF8.GetBytes(GetSessionConfirmationEndpoint.Write(await ConfirmationFacts.ReadAsync(db, Session(), ct)))),
            AttachmentKind.InvoiceDocument => await InvoiceDocumentAsync(invoiceId ?? throw new InvalidOperationException("An invoice document needs the invoice."), ct),
            _ => ("contact-sheet.jpg", "image/jpeg", await ContactSheetAsync(Session(), ct)),
        };
        var key = $"communications/{Guid.NewGuid():N}/{name}";
        using var temp = store.CreateTempFile("attachment");
        await File.WriteAllBytesAsync(temp.Path, bytes, ct);
        await store.PutAsync(key, temp, ct);
        return new CommunicationAttachment { Kind = kind, FileName = name, ContentType = type, StorageKey = key, Bytes = bytes.Length };
    }

    async Task<(string Name, string Type, byte[] Bytes)> InvoiceDocumentAsync(long invoiceId, CancellationToken ct)
    {
        var invoice = await db.Invoices.AsNoTracking().Include(i => i.Status).SingleOrDefaultAsync(i => i.Id == invoiceId, ct)
                      ?? throw ApiProblem.NotFound("invoice", invoiceId);
        var document = await InvoiceDocument.ReadAsync(db, invoice, await calendar.TodayAsync(ct), ct);
        return (document.FileName("pdf"), "application/pdf", invoicePdf.Write(document));
    }

    async Task<byte[]> ContactSheetAsync(long sessionId, CancellationToken ct)
    {
        const int columns = 6, rows = 5;
        var session = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId).Select(s => new { s.Number, s.ClientId }).SingleOrDefaultAsync(ct)
                      ?? throw ApiProblem.NotFound("session", sessionId);
        var client = await db.Clients.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(c => c.Id == session.ClientId, ct);
        var tiles = await db.SessionImages.AsNoTracking().Where(i => i.SessionId == sessionId).OrderBy(i => i.Number).Take(columns * rows)
            .Select(i => new ContactSheetTile(i.Number, i.StorageKey, i.RenditionState == RenditionState.Ready, i.ProofState == ProofState.Selected, i.Favorite, i.Rotation))
            .ToListAsync(ct);
        var name = client is null ? "" : $" · {ClientResponse.DisplayNameOf(client)}";
        return await contactSheets.RenderAsync($"Session {session.Number}{name}", tiles, columns, rows, ct);
    }
}

/// <summary>The e-mails' attachments, recycle bin included, for the storage reconciler: each written before its row.</summary>
public sealed class AttachmentStoredFiles(StudioDbContext db) : IStoredFileOwner
{
    public async IAsyncEnumerable<ExpectedFile> ExpectedFilesAsync([EnumeratorCancellation] CancellationToken ct)
    {
        // The attachments' keys alone: loading the communications would read every message body with them.
        var files = db.Communications.IgnoreQueryFilters().AsNoTracking().SelectMany(c => c.Attachments, (c, a) => new { c.Id, a.StorageKey });
        await foreach (var file in files.AsAsyncEnumerable().WithCancellation(ct))
            yield return new ExpectedFile(file.StorageKey, Required: true, "communication", file.Id);
    }
}

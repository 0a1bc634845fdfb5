using StudioApi.Features.Messaging.Communications;
using StudioApi.Features.Messaging.Merging;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;

namespace StudioApi.Features.Messaging.Printing;

/// <summary>
/// A letter as a PDF on the studio's letterhead: the studio's name and address, the date, the recipient's address
/// where a window envelope shows it, the subject, then the letter's text (as rendered when it was queued).
/// </summary>
public sealed class LetterRenderer(StudioDbContext db)
{
    public async Task<(byte[] Pdf, int Pages)> RenderAsync(Communication letter, CancellationToken ct)
    {
        var studio = await db.GetStudioSettingsAsync(forUpdate: false, ct);
        var today = StudioCalendar.From(studio).LocalDate(db.UtcNow);
        using var pdf = new PdfLayout(letter.Subject ?? "Letter", studio.Address.Country);
        pdf.Text(studio.Name, PdfLayout.Font(16, bold: true));
        var contact = string.Join("  ·  ", new[] { MergeDataReader.Block(studio.Address)?.Replace('\n', ',').Replace(",", ", "), studio.Phone, studio.Email }
            .Where(p => !string.IsNullOrWhiteSpace(p)));
        if (contact.Length > 0)
            pdf.Text(contact, PdfLayout.Font(8.5));
        pdf.Rule();
        pdf.Space(12);
        pdf.Text(MergeDataReader.DateText(today), PdfLayout.Font(10.5));
        pdf.Space(24);
        if (letter.Address is { } address)
            pdf.Text(address, PdfLayout.Font(11));
        pdf.Space(30);
        if (letter.Subject is { } subject)
        {
            pdf.Text(subject, PdfLayout.Font(11, bold: true));
            pdf.Space(10);
        }
        pdf.Text(letter.Body ?? "", PdfLayout.Font(11));
        var pages = pdf.PageCount; // read before saving: a saved document answers nothing more
        return (pdf.ToBytes(), pages);
    }
}

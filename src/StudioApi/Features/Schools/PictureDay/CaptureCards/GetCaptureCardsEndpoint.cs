using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;
using StudioApi.Features.Clients.Organizations;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Schools.PictureDay.CaptureCards;

public sealed class GetCaptureCardsRequest
{
    /// <summary>The organization.</summary>
    public long Id { get; set; }
    /// <summary>Only the sessions on this day (YYYY-MM-DD); absent: all the organization's sessions.</summary>
    [QueryParam]
    public DateOnly? Date { get; set; }
}

/// <summary>
/// Capture cards: one 4 × 6 inch page per student's session, the student's name, id, grade, homeroom and teacher, the
/// session's number and time, and a QR code (QRCoder, error correction M) of the session's capture code. The student
/// holds the card up for the first frame; group capture knows the card by its code.
/// </summary>
public sealed class GetCaptureCardsEndpoint(StudioDbContext db) : Endpoint<GetCaptureCardsRequest>
{
    const double Width = 288, Height = 432, Margin = 18;
    const string Font = "StudioSans";

    public override void Configure()
    {
        Get("/organizations/{id}/capture-cards");
        Roles(Platform.Auth.Roles.SessionStaff);
        Description(d => d
            .Produces<Stream>(StatusCodes.Status200OK, "application/pdf")
            .Answers(StatusCodes.Status404NotFound, "No such organization, or it has no session (on that date).")
            .Operation("Yearbook", "GetCaptureCards", "Download a picture day's capture cards as PDF",
                "One 4 × 6 inch card per session of the organization (on date when given), in the capture list's order: the "
                + "student's name, student id, grade, homeroom, teacher, session number and time, and a QR code of "
                + "STUDIOAPI-SESSION:<session id> that names the session."));
    }

    public override async Task HandleAsync(GetCaptureCardsRequest req, CancellationToken ct)
    {
        var organization = await db.Set<Organization>().AsNoTracking().SingleOrDefaultAsync(o => o.Id == req.Id, ct)
                           ?? throw ApiProblem.NotFound("organization", req.Id);
        var subjects = await PictureDayRoster.LoadAsync(db, req.Id, req.Date, ct);
        if (subjects.Count == 0)
            throw ApiProblem.NotFound("sessions of organization", req.Id);

        using var document = new PdfDocument();
        document.Info.Title = $"Capture cards: {organization.Name}";
        document.Info.Creator = "StudioApi";
        foreach (var subject in subjects)
            DrawCard(document, organization.Name, subject);
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        await Send.BytesAsync(output.ToArray(), $"capture-cards-{req.Id}.pdf", "application/pdf", cancellation: ct);
    }

    static void DrawCard(PdfDocument document, string school, CaptureSubject s)
    {
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(Width);
        page.Height = XUnit.FromPoint(Height);
        using var g = XGraphics.FromPdfPage(page);
        var y = Margin;
        void Line(string? text, double size, bool bold = false)
        {
            if (string.IsNullOrWhiteSpace(text))
                return;
            var font = new XFont(Font, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
            g.DrawString(text, font, XBrushes.Black, new XRect(Margin, y, Width - 2 * Margin, size * 1.3), XStringFormats.TopCenter);
            y += size * 1.35;
        }

        Line(school, 11);
        Line($"{s.FirstName} {s.LastName}".Trim(), 20, bold: true);
        Line(s.StudentId is null ? null : $"Student ID {s.StudentId}", 12);
        Line(string.Join("  ·  ", new[] { s.Grade is null ? null : $"Grade {s.Grade}", s.Homeroom is null ? null : $"Homeroom {s.Homeroom}" }
            .Where(p => p is not null)), 11);
        Line(s.Teacher, 11);
        Line($"Session {s.SessionNumber}  ·  {s.Date:yyyy-MM-dd} {s.StartTime:HH\\:mm}", 10);

        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(s.Code, QRCodeGenerator.ECCLevel.M);
        // PDFsharp reads JPEG everywhere but not QRCoder's 1-bit PNG: the code is drawn as a JPEG, its modules 10 pixels
        // wide, which keeps their edges sharp enough for any scanner.
        using var qr = NetVips.Image.NewFromBuffer(new PngByteQRCode(data).GetGraphic(10));
        using var grey = qr.Colourspace(NetVips.Enums.Interpretation.Bw);
        using var stream = new MemoryStream(grey.JpegsaveBuffer(q: 95));
        using var image = XImage.FromStream(stream);
        var side = Math.Min(Width - 2 * Margin, Height - Margin - y - 20);
        g.DrawImage(image, (Width - side) / 2, y + 6, side, side);
        g.DrawString(s.Code, new XFont(Font, 7), XBrushes.Gray, new XRect(Margin, Height - Margin - 9, Width - 2 * Margin, 9), XStringFormats.TopCenter);
    }
}

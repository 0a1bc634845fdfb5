using Microsoft.EntityFrameworkCore;
using PdfSharp.Drawing;
using StudioApi.Features.Clients;
using StudioApi.Features.Clients.Clients;
using StudioApi.Features.Messaging.Merging;
using StudioApi.Features.Scheduling;
using StudioApi.Features.Setup;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;
using StudioApi.Platform.Time;

namespace StudioApi.Features.Messaging.Printing;

/// <summary>
/// The daily job sheet (seed 000): the day's sessions in start order, each with its number, client and phone, type,
/// photographer, where, and whether it is confirmed, on as many pages as it takes. Cancelled sessions are left out.
/// </summary>
public sealed class JobSheetRenderer(StudioDbContext db)
{
    /// <summary>The print job's title, the same whether a person or a daily trigger printed it.</summary>
    public static string Title(DateOnly day, int sessions) => $"Job sheet {Merging.MergeDataReader.DateText(day)} ({sessions} sessions)";

    public async Task<(byte[] Pdf, int Pages, int Sessions)> RenderAsync(DateOnly day, CancellationToken ct)
    {
        var studio = await db.GetStudioSettingsAsync(forUpdate: false, ct);
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.Date == day && !s.Cancelled).OrderBy(s => s.StartTime).ThenBy(s => s.Number).ToListAsync(ct);
        var clientIds = sessions.Select(s => s.ClientId).Distinct().ToList();
        var clients = await db.Clients.IgnoreQueryFilters().AsNoTracking().Where(c => clientIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var people = await db.Users.IgnoreQueryFilters().ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var types = await db.SessionTypes.IgnoreQueryFilters().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var rooms = await db.Resources.IgnoreQueryFilters().ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var places = await db.Locations.IgnoreQueryFilters().ToDictionaryAsync(l => l.Id, l => l.Name, ct);

        using var pdf = new PdfLayout($"Job sheet {day:yyyy-MM-dd}", studio.Address.Country);
        pdf.Text($"Job sheet: {MergeDataReader.DateText(day)}", PdfLayout.Font(15, bold: true));
        pdf.Text($"{studio.Name} · {sessions.Count} session(s) · times in {studio.TimeZone}", PdfLayout.Font(9));
        pdf.Rule();
        if (sessions.Count == 0)
            pdf.Text("No sessions.", PdfLayout.Font(11));
        var bold = PdfLayout.Font(10.5, bold: true);
        var font = PdfLayout.Font(9.5);
        foreach (var session in sessions)
        {
            var client = clients.GetValueOrDefault(session.ClientId);
            var phone = client?.Phones.OrderByDescending(p => p.IsPrimary).FirstOrDefault()?.Number;
            var where = session.LocationId is { } l ? places.GetValueOrDefault(l) : session.ResourceId is { } r ? rooms.GetValueOrDefault(r) : null;
            var heading = $"{WallClock.FormatTime(session.StartTime)}–{WallClock.FormatTime(session.EndTime)}   #{session.Number}   {(client is null ? "" : ClientResponse.DisplayNameOf(client))}";
            var details = string.Join("   ", new[]
            {
                session.SessionTypeId is { } t ? types.GetValueOrDefault(t) : null,
                session.PhotographerId is { } p ? $"Photographer: {people.GetValueOrDefault(p)}" : null,
                session.AssistantId is { } a ? $"Assistant: {people.GetValueOrDefault(a)}" : null,
                where is null ? null : $"At: {where}",
                phone is null ? null : $"Phone: {phone}",
                session.Confirmed ? "Confirmed" : "Not confirmed",
                session.OnHold ? "On hold" : null,
            }.Where(p => p is not null));
            pdf.Need(bold.GetHeight() * 1.2 + font.GetHeight() * 2.4 + 8);
            pdf.Text(heading, bold);
            pdf.Text(details, font, indent: 12);
            if (!string.IsNullOrWhiteSpace(session.Description))
                pdf.Text(session.Description, font, indent: 12);
            pdf.Space(6);
        }
        var pages = pdf.PageCount;
        return (pdf.ToBytes(), pages, sessions.Count);
    }
}

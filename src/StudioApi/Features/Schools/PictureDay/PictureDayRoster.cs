using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Clients;
using StudioApi.Features.Imaging.GroupCapture;
using StudioApi.Features.Scheduling;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Schools.PictureDay;

/// <summary>One student's session on picture day, as the capture list and the capture cards show it.</summary>
public sealed record CaptureSubject(long SessionId, int SessionNumber, DateOnly Date, TimeOnly StartTime, string? StudentId, string? FirstName,
    string? LastName, string? Grade, string? Homeroom, string? Teacher)
{
    /// <summary>What the card's QR code says: the session, in the QR code's compact alphanumeric alphabet.</summary>
    public string Code => CaptureCardCode.Of(SessionId);
}

/// <summary>The organization's live sessions (on one day when given), by date, start time, last and first name.</summary>
public static class PictureDayRoster
{
    public const int MaxSessions = 20_000;

    public static async Task<List<CaptureSubject>> LoadAsync(StudioDbContext db, long organizationId, DateOnly? date, CancellationToken ct)
    {
        var sessions = db.Sessions.AsNoTracking().Where(s => s.OrganizationId == organizationId);
        if (date is { } day)
            sessions = sessions.Where(s => s.Date == day);
        var rows = await sessions
            .Join(db.Clients.IgnoreQueryFilters(), s => s.ClientId, c => c.Id, (s, c) => new
            {
                s.Id, s.Number, s.Date, s.StartTime, SessionStudentId = s.StudentId, c.FirstName, c.LastName, c.Student,
            })
            .Take(MaxSessions)
            .ToListAsync(ct);
        return rows
            .Select(r => new CaptureSubject(r.Id, r.Number, r.Date, r.StartTime, r.SessionStudentId ?? r.Student?.StudentId, r.FirstName, r.LastName,
                r.Student?.Grade, r.Student?.Homeroom, r.Student?.Teacher))
            .OrderBy(r => r.Date).ThenBy(r => r.StartTime)
            .ThenBy(r => r.LastName, StringComparer.CurrentCultureIgnoreCase).ThenBy(r => r.FirstName, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(r => r.SessionNumber)
            .ToList();
    }
}

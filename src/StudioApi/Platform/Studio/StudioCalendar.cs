using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Time;


namespace StudioApi.Platform.Studio;

/// <summary>
/// The studio's business calendar, built from its settings (time zone, working days, closed dates) once per request,
/// and "today" as the studio sees it.
/// </summary>
public sealed class StudioCalendar(StudioDbContext db)
{
    BusinessCalendar? calendar;

    public async Task<BusinessCalendar> GetAsync(CancellationToken ct) =>
        calendar ??= From(await db.GetStudioSettingsAsync(forUpdate: false, ct));

    /// <summary>
    /// The current date in the studio's time zone. Only the time zone is read unless the calendar is loaded already:
    /// every list asks for today, and the whole settings (with closed dates and opening hours) are three statements.
    /// </summary>
    public async Task<DateOnly> TodayAsync(CancellationToken ct)
    {
        if (calendar is not null)
            return calendar.LocalDate(db.UtcNow);
        var timeZone = await TimeZoneOf(db, ct);
        if (timeZone is null)
            return (await GetAsync(ct)).LocalDate(db.UtcNow); // no settings: the same 404 as every other reader
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(db.UtcNow, Zone(timeZone)));
    }

    // Compiled: every list asks, and EF would otherwise look its SQL up by the expression tree each time.
    static readonly Func<StudioDbContext, CancellationToken, Task<string?>> TimeZoneOf = EF.CompileAsyncQuery((StudioDbContext db, CancellationToken ct) =>
        db.StudioSettings.AsNoTracking().OrderBy(s => s.Id).Select(s => s.TimeZone).FirstOrDefault());

    public static BusinessCalendar From(StudioSettings settings) =>
        new(settings.WorkingDays, settings.ClosedDates.Select(c => c.Date), Zone(settings.TimeZone));

    // The settings endpoint only accepts IANA ids this machine knows; a database moved to another machine may not.
    static TimeZoneInfo Zone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) ? found : TimeZoneInfo.Utc;
}

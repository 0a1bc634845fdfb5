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

    /// <summary>The current date in the studio's time zone.</summary>
    public async Task<DateOnly> TodayAsync(CancellationToken ct) => (await GetAsync(ct)).LocalDate(db.UtcNow);

    public static BusinessCalendar From(StudioSettings settings)
    {
        // The settings endpoint only accepts IANA ids this machine knows; a database moved to another machine may not.
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(settings.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        return new BusinessCalendar(settings.WorkingDays, settings.ClosedDates.Select(c => c.Date), zone);
    }
}

using StudioApi.Platform.Time;

namespace StudioApi.Features.Messaging.Triggers;

/// <summary>
/// When a date trigger is due: the studio-local day (the record's date plus the offset) at its time of day, as an
/// instant. Daylight-saving edges neither drop nor double a firing: a time the clocks skip (02:30 on the spring-forward
/// day in America/Chicago) is due when the clocks jump, at the first instant after the gap (03:00 CDT); a time that
/// happens twice (01:30 on the fall-back day) is due at its first occurrence; and the ledger keys a firing by the day,
/// not the instant, so the second 01:30 finds it fired.
/// </summary>
public static class TriggerClock
{
    public static DateTime DueAt(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        if (StudioClock.ToUtc(day, time, zone) is { } exact)
            return exact;
        // Inside the gap: move forward minute by minute to the first wall-clock time that exists (gaps are at most a few hours).
        var local = day.ToDateTime(time);
        for (var minutes = 1; minutes <= 24 * 60; minutes++)
        {
            var later = local.AddMinutes(minutes);
            if (!zone.IsInvalidTime(later))
                return StudioClock.ToUtc(DateOnly.FromDateTime(later), TimeOnly.FromDateTime(later), zone)!.Value;
        }
        throw new InvalidOperationException($"No valid time follows {local:u} in {zone.Id}.");
    }
}

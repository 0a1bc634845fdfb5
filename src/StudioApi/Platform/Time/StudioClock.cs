namespace StudioApi.Platform.Time;

/// <summary>
/// Turns the studio's wall-clock times into UTC instants. Sessions are booked as a date and a time of day in the
/// studio's IANA time zone (what the front desk and the client see); conflicts, calendars and feeds work on instants.
/// </summary>
/// <remarks>
/// Daylight-saving edges:
/// <list type="bullet">
/// <item>A time that never happens (the hour skipped when clocks spring forward, e.g. 02:30 on 2026-03-08 in
/// America/Chicago) is refused: there is no instant to book.</item>
/// <item>A time that happens twice (the hour repeated when clocks fall back, e.g. 01:30 on 2026-11-01 in
/// America/Chicago) means its first occurrence, the one still on daylight time (01:30 CDT = 06:30 UTC).</item>
/// </list>
/// </remarks>
public static class StudioClock
{
    public static TimeZoneInfo Zone(string ianaId) => TimeZoneInfo.FindSystemTimeZoneById(ianaId);

    /// <summary>
    /// No wall-clock time of this day is an earlier instant, in any time zone (UTC+14 is the furthest ahead): with
    /// <see cref="InstantAfter"/>, a range of days also bounds an index of instants (a list by date filtered by day).
    /// The first and last days of the calendar give its ends rather than overflow.
    /// </summary>
    public static DateTime EarliestInstantOn(DateOnly date) =>
        date <= DateOnly.MinValue.AddDays(1) ? DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc) : date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-14);

    /// <summary>Every wall-clock time of this day is an earlier instant, in any time zone (UTC−12 is the furthest behind).</summary>
    public static DateTime InstantAfter(DateOnly date) =>
        date >= DateOnly.MaxValue.AddDays(-1) ? DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc) : date.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(12);

    /// <summary>
    /// The longest a wall-clock day lasts: 25 hours, on the day clocks fall back. Sessions, their calendar lines and
    /// appointments start and end on one day, so none lasts longer.
    /// </summary>
    public static readonly TimeSpan LongestDay = TimeSpan.FromHours(25);

    /// <summary>
    /// What overlaps an instant started after this: with it, an overlap check (<c>start &lt; to AND from &lt; end</c>)
    /// reads an index of starts from here to <c>to</c> instead of every start since the studio opened.
    /// </summary>
    public static DateTime EarliestStartOverlapping(DateTime from) => from - LongestDay;

    /// <summary>The instant the wall-clock time names, or null when the time does not exist on that day.</summary>
    public static DateTime? ToUtc(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
            return null;
        // The earlier of two occurrences is the one with the larger offset from UTC (daylight time).
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
    }
}

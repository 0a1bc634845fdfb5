namespace StudioApi.Platform.Time;

/// <summary>
/// The studio's working calendar: which days count as business days (its working weekdays less its closed dates)
/// and which calendar day an instant falls on in its time zone. Pure: built from values, no clock, no database.
/// </summary>
public sealed class BusinessCalendar
{
    /// <summary>How far ahead to look for a working day before calling the calendar unusable (no endless loops).</summary>
    public const int SearchLimitDays = 3653;

    readonly bool[] workingWeekdays = new bool[7];
    readonly HashSet<DateOnly> closedDates;

    public BusinessCalendar(IEnumerable<DayOfWeek> workingDays, IEnumerable<DateOnly> closedDates, TimeZoneInfo timeZone)
    {
        foreach (var day in workingDays)
            workingWeekdays[(int)day] = true;
        this.closedDates = closedDates.ToHashSet();
        TimeZone = timeZone;
    }

    public TimeZoneInfo TimeZone { get; }

    /// <summary>The calendar day <paramref name="utc"/> falls on in the studio's time zone.</summary>
    public DateOnly LocalDate(DateTime utc)
    {
        var instant = utc.Kind == DateTimeKind.Utc ? utc : DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(instant, TimeZone));
    }

    public bool IsWorkingDay(DateOnly date) => workingWeekdays[(int)date.DayOfWeek] && !closedDates.Contains(date);

    /// <summary>
    /// The due date of a step that takes <paramref name="businessDays"/> working days and starts on
    /// <paramref name="statusDate"/>: counting starts on the first working day on or after the status date (a change
    /// made on a Saturday counts from Monday), and the due date is that many working days later. 0 days is due on the
    /// start day itself, so a due date never lands on a day the studio does not work.
    /// </summary>
    /// <exception cref="BusinessCalendarException">The calendar has no working day within ten years.</exception>
    public DateOnly DueDate(DateOnly statusDate, int businessDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(businessDays);
        var day = NextWorkingDay(statusDate);
        for (var i = 0; i < businessDays; i++)
            day = NextWorkingDay(day.AddDays(1));
        return day;
    }

    /// <summary>The first working day on or after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date)
    {
        for (var i = 0; i < SearchLimitDays; i++)
        {
            var day = date.AddDays(i);
            if (IsWorkingDay(day))
                return day;
            if (day == DateOnly.MaxValue)
                break;
        }
        throw new BusinessCalendarException(
            $"The studio has no working day in the ten years from {date:yyyy-MM-dd}: check its working days and closed dates.");
    }
}

/// <summary>The studio's calendar cannot answer (no working day for years): a rule the caller can fix in the settings.</summary>
public sealed class BusinessCalendarException(string message) : Exception(message);

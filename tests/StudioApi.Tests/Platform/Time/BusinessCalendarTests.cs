using CsCheck;
using StudioApi.Platform.Time;

namespace StudioApi.Tests.Platform.Time;

/// <summary>The business calendar's promises, checked on thousands of generated calendars, dates and durations.</summary>
public sealed class BusinessCalendarTests
{
    static readonly DayOfWeek[] MondayToFriday = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
    static readonly DateOnly Base = new(2026, 12, 1);

    /// <summary>A calendar: at least one working weekday, and up to 30 closed dates (some in runs) within three months of <see cref="Base"/>.</summary>
    static readonly Gen<BusinessCalendar> Calendars =
        Gen.Select(
            Gen.Int[1, 127],
            Gen.Select(Gen.Int[-30, 60], Gen.Int[1, 10]).Array[0, 6],
            (mask, runs) => new BusinessCalendar(
                Enum.GetValues<DayOfWeek>().Where(d => (mask & (1 << (int)d)) != 0),
                runs.SelectMany(r => Enumerable.Range(r.Item1, r.Item2).Select(offset => Base.AddDays(offset))),
                TimeZoneInfo.Utc));

    /// <summary>Status dates around the closures and across the year boundary.</summary>
    static readonly Gen<DateOnly> Dates = Gen.Int[-40, 70].Select(offset => Base.AddDays(offset));

    static readonly Gen<int> Durations = Gen.Int[0, 40];

    [Fact]
    public void A_due_date_is_always_a_working_day()
    {
        Gen.Select(Calendars, Dates, Durations).Sample((calendar, date, days) => calendar.IsWorkingDay(calendar.DueDate(date, days)), iter: 3000);
    }

    [Fact]
    public void No_duration_on_a_working_day_is_due_on_the_status_date()
    {
        Gen.Select(Calendars, Dates).Where((calendar, date) => calendar.IsWorkingDay(date))
            .Sample((calendar, date) => calendar.DueDate(date, 0) == date, iter: 2000);
    }

    [Fact]
    public void A_duration_of_n_days_is_due_after_the_start_with_exactly_n_working_days_up_to_and_including_the_due_date()
    {
        Gen.Select(Calendars, Dates, Gen.Int[1, 40]).Sample((calendar, date, days) =>
        {
            var start = calendar.NextWorkingDay(date);
            var due = calendar.DueDate(date, days);
            var workingDaysBetween = Enumerable.Range(1, due.DayNumber - start.DayNumber).Count(i => calendar.IsWorkingDay(start.AddDays(i)));
            return due > start && workingDaysBetween == days;
        }, iter: 3000);
    }

    [Fact]
    public void A_change_on_a_day_off_counts_from_the_next_working_day()
    {
        Gen.Select(Calendars, Dates, Durations).Sample((calendar, date, days) =>
            calendar.DueDate(date, days) == calendar.DueDate(calendar.NextWorkingDay(date), days), iter: 3000);
    }

    [Fact]
    public void A_weekend_change_with_a_duration_counts_from_monday()
    {
        var calendar = new BusinessCalendar(MondayToFriday, [], TimeZoneInfo.Utc);

        calendar.DueDate(new DateOnly(2026, 1, 17), 0).ShouldBe(new DateOnly(2026, 1, 19)); // Saturday → Monday
        calendar.DueDate(new DateOnly(2026, 1, 18), 1).ShouldBe(new DateOnly(2026, 1, 20)); // Sunday → Tuesday
    }

    [Fact]
    public void Counting_crosses_the_year_boundary_over_the_holidays()
    {
        var calendar = new BusinessCalendar(MondayToFriday,
            [new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 1)], TimeZoneInfo.Utc);

        // Wednesday 30 December + 2: Thursday 31 and Friday 1 closed, the weekend, Monday 4 is day 1, Tuesday 5 day 2.
        calendar.DueDate(new DateOnly(2026, 12, 30), 2).ShouldBe(new DateOnly(2027, 1, 5));
        calendar.DueDate(new DateOnly(2026, 12, 24), 1).ShouldBe(new DateOnly(2026, 12, 28));
    }

    [Fact]
    public void A_run_of_closed_dates_is_skipped_whole()
    {
        // Closed for the two weeks after Friday 10 July.
        var closure = Enumerable.Range(0, 14).Select(i => new DateOnly(2026, 7, 11).AddDays(i));
        var calendar = new BusinessCalendar(MondayToFriday, closure, TimeZoneInfo.Utc);

        calendar.DueDate(new DateOnly(2026, 7, 10), 1).ShouldBe(new DateOnly(2026, 7, 27));
        calendar.DueDate(new DateOnly(2026, 7, 15), 0).ShouldBe(new DateOnly(2026, 7, 27));
    }

    [Theory]
    [InlineData("America/Chicago", 2026, 1, 16)]
    [InlineData("Europe/Berlin", 2026, 1, 17)]
    [InlineData("UTC", 2026, 1, 16)]
    [InlineData("Pacific/Auckland", 2026, 1, 17)]
    public void The_time_zone_decides_which_day_an_instant_belongs_to(string zone, int year, int month, int day)
    {
        var calendar = new BusinessCalendar(MondayToFriday, [], TimeZoneInfo.FindSystemTimeZoneById(zone));

        // Friday 16 January 2026, 23:30 UTC.
        calendar.LocalDate(new DateTime(2026, 1, 16, 23, 30, 0, DateTimeKind.Utc)).ShouldBe(new DateOnly(year, month, day));
    }

    [Fact]
    public void An_instant_after_local_midnight_but_before_utc_midnight_is_already_the_next_day_in_the_east()
    {
        Gen.Int[0, 24 * 60 - 1].Sample(minute =>
        {
            var instant = new DateTime(2026, 3, 13, 0, 0, 0, DateTimeKind.Utc).AddMinutes(minute);
            var berlin = new BusinessCalendar(MondayToFriday, [], TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
            var expected = minute >= 23 * 60 ? new DateOnly(2026, 3, 14) : new DateOnly(2026, 3, 13); // UTC+1 in March
            return berlin.LocalDate(instant) == expected;
        });
    }

    [Fact]
    public void A_calendar_without_a_working_day_in_ten_years_says_so_instead_of_looping()
    {
        var noDays = new BusinessCalendar([], [], TimeZoneInfo.Utc);
        var everyMondayClosed = new BusinessCalendar([DayOfWeek.Monday],
            Enumerable.Range(0, 600).Select(week => new DateOnly(2026, 1, 5).AddDays(7 * week)), TimeZoneInfo.Utc);

        Should.Throw<BusinessCalendarException>(() => noDays.DueDate(new DateOnly(2026, 1, 1), 3));
        Should.Throw<BusinessCalendarException>(() => everyMondayClosed.DueDate(new DateOnly(2026, 1, 1), 0));
    }
}

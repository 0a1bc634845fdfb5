using StudioApi.Platform.Time;


namespace StudioApi.Tests.Platform.Time;

public sealed class StudioClockTests
{
    static readonly TimeZoneInfo Chicago = StudioClock.Zone("America/Chicago");

    [Fact]
    public void An_ordinary_winter_time_is_six_hours_behind_utc_in_chicago()
    {
        StudioClock.ToUtc(new DateOnly(2026, 1, 15), new TimeOnly(9, 0), Chicago)
            .ShouldBe(new DateTime(2026, 1, 15, 15, 0, 0, DateTimeKind.Utc));
    }

    [Theory]
    [InlineData(2, 0)]
    [InlineData(2, 30)]
    [InlineData(2, 59)]
    public void A_time_in_the_hour_skipped_when_clocks_spring_forward_does_not_exist(int hour, int minute)
    {
        StudioClock.ToUtc(new DateOnly(2026, 3, 8), new TimeOnly(hour, minute), Chicago).ShouldBeNull();
    }

    [Fact]
    public void The_times_either_side_of_the_spring_forward_gap_are_one_minute_apart()
    {
        var before = StudioClock.ToUtc(new DateOnly(2026, 3, 8), new TimeOnly(1, 59), Chicago);
        var after = StudioClock.ToUtc(new DateOnly(2026, 3, 8), new TimeOnly(3, 0), Chicago);

        before.ShouldBe(new DateTime(2026, 3, 8, 7, 59, 0, DateTimeKind.Utc));
        after.ShouldBe(new DateTime(2026, 3, 8, 8, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void A_time_repeated_when_clocks_fall_back_means_its_first_daylight_time_occurrence()
    {
        // 01:30 happens at 06:30 UTC (CDT, -5) and again at 07:30 UTC (CST, -6): the first one is meant.
        StudioClock.ToUtc(new DateOnly(2026, 11, 1), new TimeOnly(1, 30), Chicago)
            .ShouldBe(new DateTime(2026, 11, 1, 6, 30, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void After_the_repeated_hour_times_are_on_standard_time()
    {
        StudioClock.ToUtc(new DateOnly(2026, 11, 1), new TimeOnly(2, 0), Chicago)
            .ShouldBe(new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc));
    }
}

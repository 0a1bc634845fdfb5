using System.ComponentModel.DataAnnotations;
using StudioApi.Platform.Addresses;
using StudioApi.Platform.Http;
using StudioApi.Platform.Studio;
using StudioApi.Platform.Time;

namespace StudioApi.Features.Setup.Settings;

public sealed class StudioSettingsResponse : RecordResponse
{
    public required string Name { get; init; }
    public required PostalAddress Address { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public string? Website { get; init; }
    public required string TimeZone { get; init; }
    public required string Currency { get; init; }
    [MaxLength(7)]
    public required IReadOnlyList<DayOfWeek> WorkingDays { get; init; }
    [MaxLength(1000)]
    public required IReadOnlyList<ClosedDate> ClosedDates { get; init; }
    [MaxLength(7)]
    public required IReadOnlyList<OpeningHoursData> OpeningHours { get; init; }
    [MaxLength(StudioSettings.MaxSessionCustomLabels)]
    public required IReadOnlyList<string> SessionCustomLabels { get; init; }
    /// <summary>The key the studio's website passes to the public online-booking calls (rotate it with POST /settings/online-booking-key/rotate).</summary>
    [MaxLength(64)]
    public required string OnlineBookingKey { get; init; }

    public static StudioSettingsResponse From(StudioSettings s) => new StudioSettingsResponse
    {
        Name = s.Name,
        Address = s.Address,
        Phone = s.Phone,
        Email = s.Email,
        Website = s.Website,
        TimeZone = s.TimeZone,
        Currency = s.Currency,
        WorkingDays = s.WorkingDays,
        ClosedDates = s.ClosedDates.OrderBy(c => c.Date).ToList(),
        OpeningHours = WorkingDaysText.InWeekOrder(s.OpeningHours.Select(h => h.Day))
            .Select(day => s.OpeningHours.First(h => h.Day == day))
            .Select(h => new OpeningHoursData { Day = h.Day, Opens = WallClock.FormatTime(h.Opens), Closes = WallClock.FormatTime(h.Closes) })
            .ToList(),
        SessionCustomLabels = s.SessionCustomLabels,
        OnlineBookingKey = s.OnlineBookingKey,
    }.WithAudit(s);
}

/// <summary>One weekday's opening hours: "HH:mm" wall-clock times in the studio's time zone, opens before closes.</summary>
public sealed class OpeningHoursData
{
    public DayOfWeek Day { get; set; }
    public string Opens { get; set; } = "";
    public string Closes { get; set; } = "";
}

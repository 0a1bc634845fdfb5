using StudioApi.Platform.Addresses;
using StudioApi.Platform.Persistence;


namespace StudioApi.Platform.Studio;

/// <summary>
/// The studio itself: who it is, where, and the calendar and money rules every other record follows.
/// A single record, created at first start (see Seeding) and only ever updated.
/// </summary>
public sealed class StudioSettings : AuditedRecord
{
    public static readonly IReadOnlyList<DayOfWeek> MondayToFriday =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public string Name { get; set; } = "";
    public PostalAddress Address { get; set; } = new();
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Website { get; set; }

    /// <summary>IANA time zone id (e.g. America/Chicago): session times are wall-clock times in it.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>ISO 4217 code of the currency every amount is in, e.g. USD.</summary>
    public string Currency { get; set; } = "USD";

    /// <summary>The weekdays the studio works; status due dates count these days only.</summary>
    public List<DayOfWeek> WorkingDays { get; set; } = [.. MondayToFriday];

    /// <summary>Holidays and other days the studio is closed although they fall on a working day.</summary>
    public List<ClosedDate> ClosedDates { get; set; } = [];

    /// <summary>When the studio is open, at most one range per weekday; a weekday without one is closed to bookings.</summary>
    public List<OpeningHours> OpeningHours { get; set; } = [];

    /// <summary>
    /// The labels of the sessions' custom fields (seed: Maintenance > Studio > Custom Labels, Session tab), in the
    /// order front ends show them. Once any are defined, a session's custom fields use these labels only.
    /// </summary>
    public List<string> SessionCustomLabels { get; set; } = [];
    public const int MaxSessionCustomLabels = 10;

    /// <summary>
    /// The key the studio's website passes to the public online-booking calls: not a password (it is in the page's
    /// source), but it keeps the calls from being guessed, and rotating it cuts off a copied booking page.
    /// </summary>
    public string OnlineBookingKey { get; set; } = "";

    public static string NewOnlineBookingKey() =>
        Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24))
            .Replace('+', '-').Replace('/', '_');
}

/// <summary>One weekday's opening hours, wall-clock times in the studio's time zone.</summary>
public sealed class OpeningHours
{
    public DayOfWeek Day { get; set; }
    public TimeOnly Opens { get; set; }
    public TimeOnly Closes { get; set; }
}

public sealed class ClosedDate
{
    public DateOnly Date { get; set; }
    public string? Description { get; set; }
}

/// <summary>Weekdays in the JSON vocabulary (camelCase names), stored as one short comma-separated column.</summary>
public static class WorkingDaysText
{
    public static string Format(IEnumerable<DayOfWeek> days) =>
        string.Join(',', InWeekOrder(days).Select(d => d.ToString().ToLowerInvariant()));

    public static List<DayOfWeek> Parse(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => Enum.Parse<DayOfWeek>(d, ignoreCase: true))
            .ToList();

    /// <summary>Monday first, as studios read a week.</summary>
    public static IEnumerable<DayOfWeek> InWeekOrder(IEnumerable<DayOfWeek> days) =>
        days.Distinct().OrderBy(d => ((int)d + 6) % 7);
}

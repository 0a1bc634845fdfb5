using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using StudioApi.Features.Scheduling.Calendar;
using StudioApi.Platform.Time;

namespace StudioApi.Features.Scheduling.CalendarFeeds;

/// <summary>
/// Writes calendar items as an RFC 5545 VCALENDAR: times in the studio's zone (DTSTART;TZID=…) with a VTIMEZONE for
/// it, so a calendar app shows 10:00 on both sides of a daylight-saving change. UIDs are stable per record
/// (session-12@studioapi), SEQUENCE is the record's version, and cancelled items stay in the feed as STATUS:CANCELLED
/// so subscribed apps remove them.
/// </summary>
public static class CalendarFeedWriter
{
    public const string ContentType = "text/calendar";

    public static string Write(IEnumerable<CalendarItem> items, string timeZone, string calendarName, DateTime now)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//StudioApi//Calendar feed//EN" };
        calendar.AddProperty("X-WR-CALNAME", calendarName);
        calendar.AddProperty("X-WR-TIMEZONE", timeZone);
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(timeZone, now.AddYears(-1), includeHistoricalData: false));
        foreach (var item in items)
        {
            var calendarEvent = new CalendarEvent
            {
                Uid = $"{Uid(item.Kind)}-{item.Id}@studioapi",
                Summary = item.OnHold ? $"{item.Title} (on hold)" : item.Title,
                DtStart = new CalDateTime(item.Date.ToDateTime(WallClock.Parse(item.StartTime)), timeZone),
                DtEnd = new CalDateTime(item.Date.ToDateTime(WallClock.Parse(item.EndTime)), timeZone),
                DtStamp = new CalDateTime(now, "UTC"),
                LastModified = new CalDateTime(item.UpdatedAt.UtcDateTime, "UTC"),
                Sequence = item.Version,
                Status = item.Cancelled ? "CANCELLED" : item.OnHold ? "TENTATIVE" : "CONFIRMED",
            };
            calendar.Events.Add(calendarEvent);
        }
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    static string Uid(string kind) => kind switch
    {
        CalendarItem.CalendarEventKind => "calendar-event",
        _ => kind,
    };
}

using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Scheduling.Booking;
using StudioApi.Features.Setup.SessionTypes;
using StudioApi.Platform.Auth;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;
using StudioApi.Platform.Time;
using StudioApi.Features.Setup;

namespace StudioApi.Features.Scheduling.OnlineBooking;

/// <summary>A slot a client can book online: wall-clock times in the studio's zone and the same as UTC instants.</summary>
public sealed class AvailableSlot
{
    public required DateOnly Date { get; init; }
    public required string StartTime { get; init; }
    public required string EndTime { get; init; }
    public required DateTimeOffset StartsAt { get; init; }
    public required DateTimeOffset EndsAt { get; init; }
    /// <summary>The photographer free for this slot (a slot free for two photographers is listed twice).</summary>
    public required long PhotographerId { get; init; }
}

/// <summary>What online booking offers for one session type: who may take it and the rules it is offered by.</summary>
public sealed record BookableType(SessionType Type, int SlotMinutes, IReadOnlyList<long> PhotographerIds);

/// <summary>
/// The free slots of an online-bookable session type. A slot is offered when it lies within the day's opening hours
/// (not on a closed date), exists as written in the studio's zone (no daylight-saving gap or overlap inside it),
/// starts at least the minimum notice from now and no later than the last bookable day, and the photographer (and the
/// type's resource, if any) is free from the buffer before it to the buffer after it. Slots follow one another from
/// the opening time, each as long as the type's slot length.
/// </summary>
public sealed class OnlineAvailability(StudioDbContext db, TimeProvider clock, IEnumerable<IBusyTimeSource> sources)
{
    public const int MaxRangeDays = 31;

    /// <summary>The studio's settings when the key is its online booking key; otherwise a 404 (the key is the address).</summary>
    public async Task<StudioSettings> SettingsForKeyAsync(string bookingKey, CancellationToken ct)
    {
        var settings = await db.GetStudioSettingsAsync(forUpdate: false, ct);
        var given = System.Text.Encoding.UTF8.GetBytes(bookingKey);
        var expected = System.Text.Encoding.UTF8.GetBytes(settings.OnlineBookingKey);
        if (settings.OnlineBookingKey.Length == 0 || !System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(given, expected))
            throw new ApiProblem(StatusCodes.Status404NotFound, "Not found",
                "There is no online booking with this booking key. Ask the studio for its current booking page.");
        return settings;
    }

    /// <summary>The session type if it is live, active and online-bookable (else 404), with its photographers.</summary>
    public async Task<BookableType> BookableTypeAsync(long sessionTypeId, CancellationToken ct)
    {
        var type = await db.SessionTypes.AsNoTracking()
            .SingleOrDefaultAsync(t => t.Id == sessionTypeId && t.IsActive && t.OnlineBookable, ct)
            ?? throw new ApiProblem(StatusCodes.Status404NotFound, "Not found",
                $"There is no session type {sessionTypeId} that can be booked online.");
        var chosen = type.BookingRules.PhotographerIds;
        var photographers = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && (chosen.Count == 0 ? u.Role == UserRole.Photographer : chosen.Contains(u.Id)))
            .OrderBy(u => u.Id).Select(u => u.Id).ToListAsync(ct);
        return new BookableType(type, type.BookingRules.SlotMinutes ?? type.DefaultLengthMinutes, photographers);
    }

    /// <summary>The lock keys a booking of this type takes before reading availability (see <see cref="BookingLock"/>).</summary>
    public static IEnumerable<string> LockKeys(BookableType bookable, long? photographerId)
    {
        foreach (var id in photographerId is { } one ? [one] : bookable.PhotographerIds)
            yield return BookingLock.ForUser(id);
        if (bookable.Type.BookingRules.ResourceId is { } resource)
            yield return BookingLock.ForResource(resource);
    }

    public async Task<List<AvailableSlot>> FreeSlotsAsync(StudioSettings settings, BookableType bookable, DateOnly from, DateOnly to,
        long? photographerId, CancellationToken ct)
    {
        var rules = bookable.Type.BookingRules;
        var photographers = photographerId is { } one
            ? bookable.PhotographerIds.Where(id => id == one).ToList()
            : bookable.PhotographerIds.ToList();
        if (photographers.Count == 0)
            return [];

        var zone = StudioClock.Zone(settings.TimeZone);
        var now = clock.GetUtcNow().UtcDateTime;
        var earliest = now.AddHours(rules.MinNoticeHours);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, zone));
        var lastDay = today.AddDays(rules.MaxDaysAhead);
        if (from < today)
            from = today;
        if (to > lastDay)
            to = lastDay;
        if (from > to)
            return [];

        var before = TimeSpan.FromMinutes(rules.BufferBeforeMinutes);
        var after = TimeSpan.FromMinutes(rules.BufferAfterMinutes);
        // A day either side covers any zone offset; buffers reach a little further.
        var rangeStart = from.AddDays(-1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - before;
        var rangeEnd = to.AddDays(2).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) + after;
        var busy = new List<BusyInterval>();
        foreach (var source in sources)
            busy.AddRange(await source.FindAsync(photographers, rules.ResourceId, rangeStart, rangeEnd, ct));
        var calendars = photographers.ToDictionary(id => id, id => new BusyCalendar(busy.Where(b => b.UserId == id)));
        var resource = rules.ResourceId is { } resourceId ? new BusyCalendar(busy.Where(b => b.ResourceId == resourceId)) : null;

        var hours = settings.OpeningHours.ToDictionary(h => h.Day);
        var closed = settings.ClosedDates.Select(c => c.Date).ToHashSet();
        var slot = bookable.SlotMinutes;
        var slots = new List<AvailableSlot>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (closed.Contains(day) || !hours.TryGetValue(day.DayOfWeek, out var open))
                continue;
            var opens = open.Opens.Hour * 60 + open.Opens.Minute;
            var closes = open.Closes.Hour * 60 + open.Closes.Minute;
            for (var minute = opens; minute + slot <= closes; minute += slot)
            {
                var start = TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(minute));
                var end = TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(minute + slot));
                if (StudioClock.ToUtc(day, start, zone) is not { } startsAt || StudioClock.ToUtc(day, end, zone) is not { } endsAt
                    || endsAt - startsAt != TimeSpan.FromMinutes(slot) || startsAt < earliest)
                    continue;
                if (resource is not null && !resource.IsFree(startsAt - before, endsAt + after))
                    continue;
                foreach (var id in photographers)
                    if (calendars[id].IsFree(startsAt - before, endsAt + after))
                        slots.Add(new AvailableSlot
                        {
                            Date = day,
                            StartTime = WallClock.FormatTime(start),
                            EndTime = WallClock.FormatTime(end),
                            StartsAt = startsAt,
                            EndsAt = endsAt,
                            PhotographerId = id,
                        });
            }
        }
        return slots;
    }
}

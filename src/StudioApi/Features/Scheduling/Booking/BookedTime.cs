using FluentValidation.Results;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;
using StudioApi.Platform.Time;

namespace StudioApi.Features.Scheduling.Booking;

/// <summary>A date with wall-clock start and end in the studio's time zone, and the same times as UTC instants.</summary>
public readonly record struct BookedTime(DateOnly Date, TimeOnly StartTime, TimeOnly EndTime, DateTime StartsAt, DateTime EndsAt)
{
    /// <summary>
    /// Resolves "HH:mm" times on a day in the studio's zone by the rules of <see cref="StudioClock"/> (a skipped time is
    /// refused, a repeated one means its first occurrence). Sessions, their calendar events and appointments use it.
    /// </summary>
    public static Task<(BookedTime? Time, List<ValidationFailure> Errors)> ResolveAsync(
        StudioDbContext db, DateOnly date, string startTime, string endTime, CancellationToken ct) =>
        ResolveAsync(db, date, WallClock.Parse(startTime), WallClock.Parse(endTime), ct);

    public static async Task<(BookedTime? Time, List<ValidationFailure> Errors)> ResolveAsync(
        StudioDbContext db, DateOnly date, TimeOnly start, TimeOnly end, CancellationToken ct)
    {
        var settings = await db.GetStudioSettingsAsync(forUpdate: false, ct);
        var zone = StudioClock.Zone(settings.TimeZone);
        var startsAt = StudioClock.ToUtc(date, start, zone);
        var endsAt = StudioClock.ToUtc(date, end, zone);
        var errors = new List<ValidationFailure>();
        if (startsAt is null)
            errors.Add(new ValidationFailure("startTime", Skipped(date, start, settings.TimeZone)));
        if (endsAt is null)
            errors.Add(new ValidationFailure("endTime", Skipped(date, end, settings.TimeZone)));
        return errors.Count > 0 ? (null, errors) : (new BookedTime(date, start, end, startsAt!.Value, endsAt!.Value), errors);
    }

    static string Skipped(DateOnly date, TimeOnly time, string zone) =>
        $"{WallClock.FormatTime(time)} does not exist on {date:yyyy-MM-dd} in {zone}: the clocks skip that hour for daylight saving time. Pick a time outside it.";
}

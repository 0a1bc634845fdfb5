using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Scheduling.Booking;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Time;
using StudioApi.Features.Setup;

namespace StudioApi.Features.Scheduling.Sessions.CalendarEvents;

/// <summary>The fields of an extra calendar line a caller sets, shared by create and update (a full replace).</summary>
public abstract class SessionCalendarEventInput
{
    /// <summary>The day in the studio's time zone.</summary>
    public DateOnly Date { get; set; }
    /// <summary>Wall-clock "HH:mm" in the studio's time zone; a time skipped by a daylight-saving change is refused, a repeated one means its first occurrence.</summary>
    public string StartTime { get; set; } = "";
    /// <summary>Wall-clock "HH:mm", after the start on the same day.</summary>
    public string EndTime { get; set; } = "";
    /// <summary>Id of an active user.</summary>
    public long? PhotographerId { get; set; }
    /// <summary>Id of an active user, not the photographer.</summary>
    public long? AssistantId { get; set; }
    /// <summary>Id of an active camera room or other resource.</summary>
    public long? ResourceId { get; set; }
    public string? Description { get; set; }
    /// <summary>Book even if the photographer, assistant or resource is busy then (the 409 lists who and when).</summary>
    public bool OverrideConflicts { get; set; }

    public void ApplyTo(SessionCalendarEvent calendarEvent, BookedTime time)
    {
        (calendarEvent.Date, calendarEvent.StartTime, calendarEvent.EndTime, calendarEvent.StartsAt, calendarEvent.EndsAt) =
            (time.Date, time.StartTime, time.EndTime, time.StartsAt, time.EndsAt);
        calendarEvent.PhotographerId = PhotographerId;
        calendarEvent.AssistantId = AssistantId;
        calendarEvent.ResourceId = ResourceId;
        calendarEvent.Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim();
    }

    /// <summary>The line's resolved time, or the field errors of its times and of references that may not be booked.</summary>
    public async Task<(BookedTime? Time, List<ValidationFailure> Errors)> CheckAsync(StudioDbContext db, SessionCalendarEvent? current, CancellationToken ct)
    {
        var (time, errors) = await BookedTime.ResolveAsync(db, Date, StartTime, EndTime, ct);
        var held = new[] { current?.PhotographerId, current?.AssistantId };
        foreach (var (field, id) in new[] { ("photographerId", PhotographerId), ("assistantId", AssistantId) })
            if (id is { } userId && !held.Contains(userId) && !await db.Users.AnyAsync(u => u.Id == userId && u.IsActive, ct))
                errors.Add(new ValidationFailure(field, $"There is no active user {userId}."));
        if (ResourceId is { } resourceId && resourceId != current?.ResourceId
            && !await db.Resources.AnyAsync(r => r.Id == resourceId && r.IsActive, ct))
            errors.Add(new ValidationFailure("resourceId", $"There is no active resource {resourceId}."));
        return (time, errors);
    }

    public IEnumerable<string> LockKeys() =>
        new Occupancy(Occupancy.CalendarEventKind, 0, default, default,
            new[] { PhotographerId, AssistantId }.OfType<long>().Distinct().ToList(), ResourceId).LockKeys();

    public static Occupancy Occupied(SessionCalendarEvent e) => new(Occupancy.CalendarEventKind, e.Id, e.StartsAt, e.EndsAt,
        new[] { e.PhotographerId, e.AssistantId }.OfType<long>().Distinct().ToList(), e.ResourceId);
}

public sealed class SessionCalendarEventInputValidator : AbstractValidator<SessionCalendarEventInput>
{
    public SessionCalendarEventInputValidator()
    {
        RuleFor(e => e.Date).InclusiveBetween(new DateOnly(1900, 1, 1), new DateOnly(2200, 12, 31));
        RuleFor(e => e.StartTime).WallClockTime();
        RuleFor(e => e.EndTime).WallClockTime()
            .Must((e, end) => !WallClock.IsValid(e.StartTime) || !WallClock.IsValid(end) || WallClock.Parse(e.StartTime) < WallClock.Parse(end))
            .WithMessage("The line must end after it starts, on the same day.");
        RuleFor(e => e.PhotographerId).GreaterThan(0);
        RuleFor(e => e.AssistantId).GreaterThan(0);
        RuleFor(e => e.AssistantId).NotEqual(e => e.PhotographerId).When(e => e.PhotographerId is not null)
            .WithMessage("The assistant cannot also be the photographer.");
        RuleFor(e => e.ResourceId).GreaterThan(0);
        RuleFor(e => e.Description).MaximumLength(200);
    }
}

using FluentValidation;
using StudioApi.Features.Scheduling.Booking;
using StudioApi.Platform.Http.Validation;
using StudioApi.Platform.Time;

namespace StudioApi.Features.Scheduling.Appointments;

/// <summary>The fields of an appointment a caller sets, shared by create and update (a full replace).</summary>
public abstract class AppointmentInput
{
    public const int MaxStaff = 10;

    /// <summary>Id of a live client, if the appointment is with one.</summary>
    public long? ClientId { get; set; }
    /// <summary>What it is, e.g. "Wedding consultation".</summary>
    public string Title { get; set; } = "";
    /// <summary>The day in the studio's time zone.</summary>
    public DateOnly Date { get; set; }
    /// <summary>Wall-clock "HH:mm" in the studio's time zone; a time skipped by a daylight-saving change is refused, a repeated one means its first occurrence.</summary>
    public string StartTime { get; set; } = "";
    /// <summary>Wall-clock "HH:mm", after the start on the same day.</summary>
    public string EndTime { get; set; } = "";
    /// <summary>Ids of the active users attending.</summary>
    public List<long>? UserIds { get; set; }
    /// <summary>Id of an active camera room or other resource; not together with locationId.</summary>
    public long? ResourceId { get; set; }
    /// <summary>Id of an active outside location; not together with resourceId.</summary>
    public long? LocationId { get; set; }
    public string? Notes { get; set; }
    /// <summary>A cancelled appointment frees its time.</summary>
    public bool Cancelled { get; set; }
    /// <summary>Book even if a user or the resource is busy then (the 409 lists who and when).</summary>
    public bool OverrideConflicts { get; set; }

    /// <summary>Copies everything but the times, which <see cref="BookedTime"/> resolves in the studio's time zone.</summary>
    public void ApplyTo(Appointment appointment, BookedTime time)
    {
        appointment.ClientId = ClientId;
        appointment.Title = Title.Trim();
        (appointment.Date, appointment.StartTime, appointment.EndTime, appointment.StartsAt, appointment.EndsAt) =
            (time.Date, time.StartTime, time.EndTime, time.StartsAt, time.EndsAt);
        var wanted = (UserIds ?? []).Distinct().ToList();
        // Keep the rows of users who stay, so an unchanged list is not rewritten.
        appointment.Staff.RemoveAll(s => !wanted.Contains(s.UserId));
        appointment.Staff.AddRange(wanted.Where(id => appointment.Staff.All(s => s.UserId != id)).Select(id => new AppointmentStaff { UserId = id }));
        appointment.ResourceId = ResourceId;
        appointment.LocationId = LocationId;
        appointment.Notes = string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim();
        appointment.Cancelled = Cancelled;
    }
}

public sealed class AppointmentInputValidator : AbstractValidator<AppointmentInput>
{
    public AppointmentInputValidator()
    {
        RuleFor(a => a.ClientId).GreaterThan(0);
        RuleFor(a => a.Title).NotEmpty().MaximumLength(200);
        RuleFor(a => a.Date).InclusiveBetween(new DateOnly(1900, 1, 1), new DateOnly(2200, 12, 31));
        RuleFor(a => a.StartTime).WallClockTime();
        RuleFor(a => a.EndTime).WallClockTime()
            .Must((a, end) => !WallClock.IsValid(a.StartTime) || !WallClock.IsValid(end) || WallClock.Parse(a.StartTime) < WallClock.Parse(end))
            .WithMessage("The appointment must end after it starts, on the same day.");
        RuleFor(a => a.UserIds).MaxItems(AppointmentInput.MaxStaff);
        RuleForEach(a => a.UserIds).GreaterThan(0);
        RuleFor(a => a.ResourceId).GreaterThan(0);
        RuleFor(a => a.LocationId).GreaterThan(0);
        RuleFor(a => a.LocationId).Null().When(a => a.ResourceId is not null)
            .WithMessage("An appointment is in a camera room or at an outside location, not both.");
        RuleFor(a => a.Notes).MaximumLength(4000);
    }
}

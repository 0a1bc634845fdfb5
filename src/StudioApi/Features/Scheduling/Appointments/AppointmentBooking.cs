using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Scheduling.Booking;
using StudioApi.Platform.Persistence;
using StudioApi.Features.Clients;
using StudioApi.Features.Setup;

namespace StudioApi.Features.Scheduling.Appointments;

/// <summary>What creating, changing or restoring an appointment checks besides its fields.</summary>
public static class AppointmentBooking
{
    /// <summary>
    /// Field errors for references to records that do not exist or may not be booked; a reference the appointment
    /// already holds stays acceptable.
    /// </summary>
    public static async Task<List<ValidationFailure>> CheckAsync(StudioDbContext db, AppointmentInput input, Appointment? current, CancellationToken ct)
    {
        var errors = new List<ValidationFailure>();
        if (input.ClientId is { } clientId && clientId != current?.ClientId && !await db.Clients.AnyAsync(c => c.Id == clientId, ct))
            errors.Add(new("clientId", $"There is no client {clientId}."));
        var held = current?.Staff.Select(s => s.UserId).ToList() ?? [];
        var wanted = (input.UserIds ?? []).Distinct().Where(id => !held.Contains(id)).ToList();
        var active = await db.Users.Where(u => wanted.Contains(u.Id) && u.IsActive).Select(u => u.Id).ToListAsync(ct);
        foreach (var missing in wanted.Except(active))
            errors.Add(new("userIds", $"There is no active user {missing}."));
        if (input.ResourceId is { } resourceId && resourceId != current?.ResourceId
            && !await db.Resources.AnyAsync(r => r.Id == resourceId && r.IsActive, ct))
            errors.Add(new("resourceId", $"There is no active resource {resourceId}."));
        if (input.LocationId is { } locationId && locationId != current?.LocationId
            && !await db.Locations.AnyAsync(l => l.Id == locationId && l.IsActive, ct))
            errors.Add(new("locationId", $"There is no active outside location {locationId}."));
        return errors;
    }

    public static Occupancy Occupied(Appointment a) =>
        new(Occupancy.AppointmentKind, a.Id, a.StartsAt, a.EndsAt, a.Staff.Select(s => s.UserId).Distinct().ToList(), a.ResourceId);

    /// <summary>
    /// In one transaction: takes the booking locks of the staff and resource it will hold, applies the change (adding
    /// or updating the tracked appointment), refuses a double booking unless <paramref name="checkConflicts"/> says false
    /// (asked after the change)
    /// or the appointment is cancelled, and saves.
    /// </summary>
    public static async Task SaveAsync(StudioDbContext db, IEnumerable<long> userIds, long? resourceId, Func<Appointment> apply,
        Func<bool> checkConflicts, CancellationToken ct)
    {
        var keys = new Occupancy(Occupancy.AppointmentKind, 0, default, default, userIds.ToList(), resourceId).LockKeys();
        await db.InTransactionAsync(async () =>
        {
            // Locks first (taking one may save), then the change, the conflict check and the save.
            await db.TakeAsync(keys, ct);
            var appointment = apply();
            if (checkConflicts() && !appointment.Cancelled
                && await BookingConflicts.FindAsync(db, Occupied(appointment), ct) is { Count: > 0 } conflicts)
                throw BookingConflicts.Problem(conflicts);
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);
    }
}

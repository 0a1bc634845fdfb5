using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Scheduling.Appointments;
using StudioApi.Features.Scheduling.Booking;
using StudioApi.Features.Scheduling.CalendarFeeds;
using StudioApi.Features.Scheduling.OnlineBooking;
using StudioApi.Features.Scheduling.Sessions;
using StudioApi.Features.Scheduling.Sessions.CalendarEvents;
using StudioApi.Features.Scheduling.Sessions.Reminders;
using StudioApi.Features.Scheduling.Sessions.SessionDate;
using StudioApi.Features.Setup;
using StudioApi.Features.Setup.Locations;
using StudioApi.Features.Setup.Promotions;
using StudioApi.Features.Setup.Resources;
using StudioApi.Features.Setup.SessionTypes;
using StudioApi.Platform.Background;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Workflow;

namespace StudioApi.Features.Scheduling;

/// <summary>
/// Scheduling: sessions and what else fills the calendar (appointments, advanced calendar lines) in the camera rooms
/// and outside locations of Setup, calendars and their iCalendar feeds, and online booking. Uses Setup and Clients.
/// </summary>
public static class SchedulingArea
{
    public static IServiceCollection AddScheduling(this IServiceCollection services)
    {
        services.AddWorkflowKind<Session>(RecordKind.Session, "sessions", db => db.Sessions, typeId: s => s.SessionTypeId);
        // A session's appointments and calendar lines go to the recycle bin with it; other areas add theirs.
        services.AddScoped<SessionDependents>();
        services.AddScoped<ISessionDependent, SessionCalendarDependents>();

        // Setup's types, promotions, rooms and locations are in use while live sessions name them.
        services.AddScoped<ISetupRecordUses<SessionType>, SessionTypeUses>();
        services.AddScoped<ISetupRecordUses<Promotion>, PromotionUses>();
        services.AddScoped<ISetupRecordUses<Resource>, ResourceUses>();
        services.AddScoped<ISetupRecordUses<Location>, LocationUses>();

        // The studio's day starts at midnight in its own time zone, which settings may change at any time: rather
        // than a cron in one zone, sweep every few minutes; the sweep itself knows the studio's today.
        services.AddScoped<SessionDateStatuses>();
        services.AddScheduledJob<SessionDateStatusJob>("session-date-statuses", TimeSpan.FromMinutes(5));
        services.AddScoped<SessionReminders>();
        services.AddScheduledJob<SessionReminderJob>("session-reminders", TimeSpan.FromMinutes(1));

        // What occupies people and resources, for online-booking availability: sessions, appointments, calendar lines.
        services.AddScoped<IBusyTimeSource, SessionBusyTime>();
        services.AddScoped<IBusyTimeSource, AppointmentBusyTime>();
        services.AddScoped<IBusyTimeSource, CalendarEventBusyTime>();
        services.AddScoped<OnlineAvailability>();
        return services;
    }

    extension(StudioDbContext db)
    {
        public DbSet<Session> Sessions => db.Set<Session>();
        public DbSet<SessionLogEntry> SessionLogEntries => db.Set<SessionLogEntry>();
        public DbSet<BookingLock> BookingLocks => db.Set<BookingLock>();
        public DbSet<SessionCalendarEvent> SessionCalendarEvents => db.Set<SessionCalendarEvent>();
        public DbSet<Appointment> Appointments => db.Set<Appointment>();
        public DbSet<CalendarFeed> CalendarFeeds => db.Set<CalendarFeed>();
    }
}

using Quartz;
using StudioApi.Features.Scheduling.Sessions.Reminders;
using StudioApi.Features.Scheduling.Sessions.SessionDate;

namespace StudioApi.Hosting;

/// <summary>
/// Work that runs on a clock rather than on a request, scheduled with Quartz (in memory: each job is a sweep over the
/// database that finds its own due work, so nothing is lost when the server restarts). Jobs:Enabled=false switches
/// the scheduler off (tests, the OpenAPI export); the services stay, and tests call them directly.
/// </summary>
public static class ScheduledJobs
{
    public static IServiceCollection AddScheduledJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<SessionDateStatuses>();
        services.AddScoped<SessionReminders>();
        if (!configuration.GetValue("Jobs:Enabled", true))
            return services;

        services.AddQuartz(quartz =>
        {
            // The studio's day starts at midnight in its own time zone, which settings may change at any time: rather
            // than a cron in one zone, sweep every few minutes; the sweep itself knows the studio's today.
            quartz.ScheduleJob<SessionDateStatusJob>(trigger => trigger.WithIdentity("session-date-statuses")
                .StartNow().WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(5)).RepeatForever()));
            quartz.ScheduleJob<SessionReminderJob>(trigger => trigger.WithIdentity("session-reminders")
                .StartNow().WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(1)).RepeatForever()));
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }
}

using Quartz;

namespace StudioApi.Platform.Background;

/// <summary>A job an area runs on a clock: a sweep over the database that finds its own due work.</summary>
public sealed record ScheduledJob(Type JobType, string Name, TimeSpan Interval);

/// <summary>
/// Work that runs on a clock rather than on a request, scheduled with Quartz (in memory: each job is a sweep over the
/// database that finds its own due work, so nothing is lost when the server restarts). Areas declare their jobs with
/// <see cref="AddScheduledJob{TJob}"/>; <see cref="AddScheduler"/> schedules every one. Jobs:Enabled=false switches the
/// scheduler off (tests, the OpenAPI export); the services stay, and tests call them directly.
/// </summary>
public static class ScheduledJobs
{
    public static IServiceCollection AddScheduledJob<TJob>(this IServiceCollection services, string name, TimeSpan interval)
        where TJob : class, IJob =>
        services.AddSingleton(new ScheduledJob(typeof(TJob), name, interval));

    /// <summary>Call after every area has declared its jobs.</summary>
    public static IServiceCollection AddScheduler(this IServiceCollection services, IConfiguration configuration)
    {
        if (!configuration.GetValue("Jobs:Enabled", true))
            return services;

        var jobs = services.Select(d => d.IsKeyedService ? null : d.ImplementationInstance).OfType<ScheduledJob>().ToList();
        services.AddQuartz(quartz =>
        {
            foreach (var job in jobs)
            {
                var key = new JobKey(job.Name);
                quartz.AddJob(job.JobType, j => j.WithIdentity(key));
                quartz.AddTrigger(trigger => trigger.ForJob(key).WithIdentity(job.Name)
                    .StartNow().WithSimpleSchedule(s => s.WithInterval(job.Interval).RepeatForever()));
            }
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }
}

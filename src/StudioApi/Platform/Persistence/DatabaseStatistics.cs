using Microsoft.EntityFrameworkCore;
using Quartz;

namespace StudioApi.Platform.Persistence;

/// <summary>
/// Keeps the statistics SQLite's query planner chooses indexes by (sqlite_stat1) current. Without them SQLite guesses,
/// and at 100,000 clients it guessed wrong: it read whole tables through the recycle-bin index and sorted them.
/// <c>PRAGMA optimize</c> analyzes only the tables whose size has changed enough to matter, under a time limit of its
/// own (SQLite 3.46+), so it is cheap to run at start and then every hour; 0x10002 checks every table, not only the
/// ones this connection used. SQL Server keeps its own statistics (AUTO_CREATE_STATISTICS and AUTO_UPDATE_STATISTICS,
/// on by default; see the README), so this does nothing there.
/// </summary>
public sealed class DatabaseStatistics(StudioDbContext db)
{
    public const string Optimize = "PRAGMA optimize=0x10002;";

    public async Task RefreshAsync(CancellationToken ct)
    {
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync(Optimize, ct);
    }
}

/// <summary>Runs <see cref="DatabaseStatistics"/> on the scheduler: once at start, then every hour.</summary>
public sealed class DatabaseStatisticsJob(DatabaseStatistics statistics) : IJob
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct) => await statistics.RefreshAsync(ct);
}

using Microsoft.EntityFrameworkCore;

namespace StudioApi.Platform.Persistence;

public static class DatabaseStartup
{
    /// <summary>Applies pending migrations. Always migrations, never creating the schema without them: a studio's database must be able to evolve.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers work while one writer writes; it is a property of the file, set once.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        // Statistics for the query planner from the start (then hourly, DatabaseStatisticsJob): see DatabaseStatistics.
        await scope.ServiceProvider.GetRequiredService<DatabaseStatistics>().RefreshAsync(ct);
    }
}

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Persistence;
using StudioApi.Seeding;

namespace StudioApi.Tests.Infrastructure;

/// <summary>
/// The database every test app starts from, made once per test run by the real migrations and the first-start seeding
/// (the admin account, the settings, the setup lists), so each test class copies a file instead of migrating one.
/// </summary>
public static class TemplateDatabase
{
    static readonly Lazy<Task<string>> File = new(CreateAsync);

    /// <summary>The template's path; made on first use. Copy it, never open it: every test class starts from it.</summary>
    public static Task<string> FileAsync() => File.Value;

    static async Task<string> CreateAsync()
    {
        var template = Path.Combine(StudioApiFactory.FilesRoot, $"template-{Guid.NewGuid():N}.db");
        var maker = StudioApiFactory.FromNothing();
        try
        {
            // The app's start migrates and seeds a new database; said again here, as that is what the template is for.
            await DatabaseStartup.MigrateAsync(maker.Services);
            await StudioSeeding.SeedAsync(maker.Services);
            // Everything into the main file, so a copy needs no -wal file beside it (the file stays in WAL mode).
            await maker.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);"));
            await maker.DisposeAsync(); // the host stops: no connection is left to write meanwhile
            SqliteConnection.ClearPool(new SqliteConnection(maker.ConnectionString));
            System.IO.File.Copy(maker.DatabaseFile, template);
        }
        finally
        {
            await ((IAsyncLifetime)maker).DisposeAsync();
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => System.IO.File.Delete(template);
        return template;
    }
}

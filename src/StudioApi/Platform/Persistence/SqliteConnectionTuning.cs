using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace StudioApi.Platform.Persistence;

/// <summary>
/// How much each SQLite connection keeps of the file. SQLite's page cache is 2 MiB per connection by default: at
/// 100,000 clients (a file near 1 GiB) a list page read most of its index and table pages through system calls into
/// that small cache, and a common-word search spent more time in the kernel than in SQLite (6 ms; 2 ms with a cache that
/// holds the indexes it walks). A cache of its own per connection, rather than memory-mapping the file: its memory is
/// bounded (pooled connections × the size) and shows as such, where a map's pages counted once per connection.
/// Set once per physical connection (pooled connections keep it), not on every open: EF opens a connection per query.
/// </summary>
public sealed class SqliteConnectionTuning : DbConnectionInterceptor
{
    public static readonly SqliteConnectionTuning Instance = new();

    /// <summary>Each connection's page cache, in KiB.</summary>
    const int CacheKib = 32 * 1024;

    static readonly string Pragmas = $"PRAGMA cache_size=-{CacheKib};";

    readonly ConditionalWeakTable<object, object> tuned = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (NeedsTuning(connection) is { } sqlite)
        {
            using var command = sqlite.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (NeedsTuning(connection) is { } sqlite)
        {
            await using var command = sqlite.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// SQLite's multi-thread mode instead of its serialized one: a connection is only ever used by one thread at a time
    /// (ADO.NET's rule, which the pool and EF keep), so the mutex serialized mode takes around every call into SQLite,
    /// each column of each row, was pure cost (6% of a client page's CPU). Process-wide, and only possible before SQLite
    /// first opens a file; when something opened one earlier (a tool, a test host), SQLite stays serialized, as safe.
    /// </summary>
    public static void UseMultiThreadMode()
    {
        SQLitePCL.Batteries_V2.Init();
        _ = SQLitePCL.raw.sqlite3_config(SQLitePCL.raw.SQLITE_CONFIG_MULTITHREAD);
    }

    /// <summary>
    /// Opens the request's connection and keeps it until the request ends (the context's disposal returns it to the
    /// pool): EF otherwise opens and closes it around each query, and a list page runs eight (13% of a client page's
    /// throughput). SQLite only, whose pool has no limit; a SQL Server pool's hundred connections are left to be taken a
    /// query at a time.
    /// </summary>
    public static async Task KeepOpenForRequestAsync(StudioDbContext db, CancellationToken ct)
    {
        if (db.Database.IsSqlite())
            await db.Database.OpenConnectionAsync(ct);
    }

    /// <summary>The connection when its native handle (what the pool keeps) has not been tuned yet.</summary>
    SqliteConnection? NeedsTuning(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } sqlite && tuned.TryAdd(handle, this) ? sqlite : null;
}

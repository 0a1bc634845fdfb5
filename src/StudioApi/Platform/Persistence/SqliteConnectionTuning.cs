using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace StudioApi.Platform.Persistence;

/// <summary>
/// How each SQLite connection reads the file. SQLite's own page cache is 2 MiB per connection by default: at 100,000
/// clients (a file near 1 GiB) a list page read most of its index and table pages through read() calls into that small
/// cache, and a common-word search spent more time in the kernel than in SQLite. Memory-mapping the file lets every
/// connection read the pages the operating system already caches, shared, without copying them. Set once per physical
/// connection (pooled connections keep their settings), not on every open: EF opens a connection for each query.
/// </summary>
public sealed class SqliteConnectionTuning : DbConnectionInterceptor
{
    public static readonly SqliteConnectionTuning Instance = new();

    /// <summary>
    /// The most of the file mapped (SQLite's bundled build allows up to 2 GiB, beyond which pages are read as before):
    /// address space, not memory; a page counts once read, and is shared by every connection.
    /// </summary>
    const long MmapBytes = 2L << 30;

    /// <summary>Each connection's private cache of pages, for those the map does not hold (the write-ahead log's).</summary>
    const int CacheKib = 16 * 1024;

    static readonly string Pragmas = $"PRAGMA mmap_size={MmapBytes}; PRAGMA cache_size=-{CacheKib};";

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

    /// <summary>The connection when its native handle (what the pool keeps) has not been tuned yet.</summary>
    SqliteConnection? NeedsTuning(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } sqlite && tuned.TryAdd(handle, this) ? sqlite : null;
}

using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace StudioApi.Platform.Persistence;

/// <summary>Recognises a unique-index violation on either provider, so race-prone writes can map it to a 409 or retry.</summary>
public static class DatabaseErrors
{
    public static bool IsUniqueViolation(this DbUpdateException exception, string table, string column) =>
        exception.InnerException switch
        {
            // SQLITE_CONSTRAINT_UNIQUE / SQLITE_CONSTRAINT_PRIMARYKEY: "UNIQUE constraint failed: Clients.Number"
            SqliteException { SqliteExtendedErrorCode: 2067 or 1555 } e => e.Message.Contains($"{table}.{column}", StringComparison.Ordinal),
            // 2601: duplicate key row in a unique index; 2627: unique constraint. The index is named IX_Table_Column(s).
            SqlException { Number: 2601 or 2627 } e => e.Message.Contains($"IX_{table}_{column}", StringComparison.Ordinal),
            _ => false,
        };

    public static bool IsUniqueViolation(this DbUpdateException exception) =>
        exception.InnerException is SqliteException { SqliteExtendedErrorCode: 2067 or 1555 } or SqlException { Number: 2601 or 2627 };
}

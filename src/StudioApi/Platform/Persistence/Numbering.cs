using System.Linq.Expressions;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace StudioApi.Platform.Persistence;

/// <summary>A record with a number people quote and type: client 1042, session 5531, image 12 of a session.</summary>
public interface INumbered
{
    int Number { get; set; }
}

/// <summary>
/// The one way records are numbered: the highest number so far + 1, counting the recycle bin so a deleted record's
/// number is never handed out again. Two creations can read the same highest number (SQL Server reads committed
/// rows without locking them; SQLite's deferred transactions read before they write): the unique index on the number
/// refuses the second insert, which then takes the next number. Clients, sessions, bulk scheduling, online booking
/// and image imports use it; invoices and production orders will.
/// </summary>
public static class Numbering
{
    /// <summary>How many times a creation that keeps losing the race retries before the conflict surfaces.</summary>
    public const int Attempts = 10;

    /// <summary>
    /// Numbers <paramref name="records"/> (new, already added) consecutively in the order given and saves every pending
    /// change with them. <paramref name="scope"/> numbers within a group (a session's images), else across the table.
    /// </summary>
    public static async Task SaveNumberedAsync<T>(this StudioDbContext db, IReadOnlyList<T> records, CancellationToken ct,
        Expression<Func<T, bool>>? scope = null)
        where T : class, INumbered
    {
        var numbered = db.Set<T>().IgnoreQueryFilters();
        if (scope is not null)
            numbered = numbered.Where(scope);
        for (var attempt = 1; ; attempt++)
        {
            var next = (await numbered.MaxAsync(r => (int?)r.Number, ct) ?? 0) + 1;
            foreach (var record in records)
                record.Number = next++;
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException e) when (attempt < Attempts && db.IsNumberTaken<T>(e))
            {
                // Inside a transaction EF rolled back to its savepoint: the records are still to be inserted; retry.
            }
        }
    }

    /// <summary>
    /// <see cref="SaveNumberedAsync{T}"/> for new records inserted without the change tracker (<see cref="BulkInsert"/>),
    /// in the open transaction: numbered consecutively from the highest so far + 1, ids set. A number taken meanwhile
    /// (SQL Server; SQLite holds the write lock by then) rolls back to a savepoint and numbers again.
    /// </summary>
    public static async Task InsertNumberedAsync<T>(this StudioDbContext db, IReadOnlyList<T> records, CancellationToken ct)
        where T : AuditedRecord, INumbered
    {
        if (records.Count == 0)
            return;
        var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("InsertNumberedAsync needs an open transaction.");
        for (var attempt = 1; ; attempt++)
        {
            var next = (await db.Set<T>().IgnoreQueryFilters().MaxAsync(r => (int?)r.Number, ct) ?? 0) + 1;
            foreach (var record in records)
                record.Number = next++;
            await transaction.CreateSavepointAsync(nameof(InsertNumberedAsync), ct);
            try
            {
                await db.InsertWithIdsAsync(records, r => r.Number, ct);
                await transaction.ReleaseSavepointAsync(nameof(InsertNumberedAsync), ct);
                return;
            }
            catch (DbUpdateException e) when (attempt < Attempts && db.IsNumberTaken<T>(e))
            {
                await transaction.RollbackToSavepointAsync(nameof(InsertNumberedAsync), ct);
            }
        }
    }

    /// <summary>Whether the save failed because another record of <typeparamref name="T"/> holds the number (its unique index).</summary>
    public static bool IsNumberTaken<T>(this DbContext db, DbUpdateException exception) where T : class, INumbered
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var index = entity.GetIndexes().Single(i => i.IsUnique && i.Properties.Any(p => p.Name == nameof(INumbered.Number)));
        return exception.InnerException switch
        {
            // "UNIQUE constraint failed: SessionImages.SessionId, SessionImages.Number"
            SqliteException { SqliteExtendedErrorCode: 2067 } e => e.Message.Contains($"{entity.GetTableName()}.{nameof(INumbered.Number)}", StringComparison.Ordinal),
            // 2601: duplicate key row in unique index 'IX_…'; 2627: unique constraint.
            SqlException { Number: 2601 or 2627 } e => e.Message.Contains($"'{index.GetDatabaseName()}'", StringComparison.Ordinal),
            _ => false,
        };
    }
}

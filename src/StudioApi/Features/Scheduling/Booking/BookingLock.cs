using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Scheduling.Booking;

/// <summary>
/// One row per bookable person or resource (key <c>user:12</c>, <c>resource:3</c>), touched by every transaction that
/// books their time, so two bookings of the same person or resource run one after the other.
/// </summary>
/// <remarks>
/// Checking for an overlap and then inserting is a read-then-write: two transactions can both read "free" and both
/// insert. The fix is to make writers for one person or resource queue up before they read:
/// <list type="bullet">
/// <item>SQLite: <see cref="StudioDbContext.InTransactionAsync{T}"/> begins with BEGIN IMMEDIATE (Microsoft.Data.Sqlite's
/// default), which takes the database's write lock up front; every writer is serialized already.</item>
/// <item>SQL Server: READ COMMITTED does not block readers, so the transaction first UPDATEs this row. The exclusive row
/// lock is held until commit, so a second booking of the same person or resource waits at its UPDATE and then reads
/// the first one's committed session. Rows are taken in key order, so two bookings sharing two keys cannot deadlock.</item>
/// </list>
/// Locking per person/resource rather than the whole table keeps unrelated bookings concurrent on SQL Server.
/// </remarks>
public sealed class BookingLock
{
    public string Key { get; set; } = "";
    /// <summary>How many bookings took the lock: the UPDATE needs a column to write.</summary>
    public long Takes { get; set; }

    public static string ForUser(long id) => $"user:{id}";
    public static string ForResource(long id) => $"resource:{id}";
}

public sealed class BookingLockConfiguration : IEntityTypeConfiguration<BookingLock>
{
    public void Configure(EntityTypeBuilder<BookingLock> builder)
    {
        builder.ToTable("BookingLocks");
        builder.HasKey(l => l.Key);
        builder.Property(l => l.Key).HasMaxLength(50);
    }
}

public static class BookingLocks
{
    /// <summary>
    /// Takes the lock rows of the given keys inside the current transaction (call it first in the transaction, before
    /// reading for conflicts, and before adding or changing tracked records: it may save a new lock row).
    /// </summary>
    public static async Task TakeAsync(this StudioDbContext db, IEnumerable<string> keys, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Booking locks are only held inside a transaction.");
        foreach (var key in keys.Distinct().Order(StringComparer.Ordinal))
        {
            if (await TouchAsync(db, key, ct))
                continue;
            // The first booking of this person or resource: create the row. A concurrent first booking may win the
            // insert; then the row exists and the update waits for that transaction like any other.
            var row = new BookingLock { Key = key, Takes = 1 };
            db.BookingLocks.Add(row);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                db.Entry(row).State = EntityState.Detached;
                await TouchAsync(db, key, ct);
            }
            db.Entry(row).State = EntityState.Detached;
        }
    }

    static async Task<bool> TouchAsync(StudioDbContext db, string key, CancellationToken ct) =>
        await db.BookingLocks.Where(l => l.Key == key)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Takes, l => l.Takes + 1), ct) > 0;
}

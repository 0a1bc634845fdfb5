using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using StudioApi.Platform.Auth;
using StudioApi.Platform.Background;
using StudioApi.Platform.Currencies;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Search;
using StudioApi.Platform.Storage.Reconciliation;
using StudioApi.Platform.Studio;
using StudioApi.Platform.Workflow;

namespace StudioApi.Platform.Persistence;

/// <summary>
/// The one database of the studio. The platform's own tables are its properties; each business area adds its tables
/// as extension properties in its <c>&lt;Area&gt;Area</c> class (<c>db.Clients</c>, <c>db.Sessions</c>…), so the platform names no
/// area. Entity configurations are found in the assembly (ApplyConfigurationsFromAssembly).
/// </summary>
public sealed class StudioDbContext(
    DbContextOptions<StudioDbContext> options,
    RecordAuthor? author = null,
    TimeProvider? clock = null) : DbContext(options)
{
    readonly TimeProvider clock = clock ?? TimeProvider.System;

    public DbSet<User> Users => Set<User>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
    public DbSet<StudioSettings> StudioSettings => Set<StudioSettings>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<StatusDefinition> StatusDefinitions => Set<StatusDefinition>();
    public DbSet<StatusLogEntry> StatusLogEntries => Set<StatusLogEntry>();
    public DbSet<StatusRecordCount> StatusRecordCounts => Set<StatusRecordCount>();
    public DbSet<StatusDueDateCount> StatusDueDateCounts => Set<StatusDueDateCount>();
    public DbSet<WorkflowKindSetting> WorkflowKindSettings => Set<WorkflowKindSetting>();
    public DbSet<EventCursor> EventCursors => Set<EventCursor>();
    public DbSet<StorageReconciliation> StorageReconciliations => Set<StorageReconciliation>();
    public DbSet<StorageFinding> StorageFindings => Set<StorageFinding>();

    readonly List<Func<CancellationToken, Task>> afterCommit = [];

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    /// <summary>Moves a record to the recycle bin; it disappears from every query until restored.</summary>
    public void SoftDelete(AuditedRecord record)
    {
        record.DeletedAt = UtcNow;
        record.DeletedBy = AuthorName;
    }

    public void Restore(AuditedRecord record)
    {
        record.DeletedAt = null;
        record.DeletedBy = null;
    }

    /// <summary>
    /// Runs work in a transaction, or inside the one already open (the idempotency middleware opens one
    /// around a creating POST so the stored response commits with the write).
    /// </summary>
    public async Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken ct)
    {
        if (Database.CurrentTransaction is not null)
            return await work();
        await using var transaction = await Database.BeginTransactionAsync(ct);
        var result = await work();
        await transaction.CommitAsync(ct);
        return result;
    }

    /// <summary>
    /// Queues work to run once the open transaction commits (see <see cref="AfterCommitInterceptor"/>): what others
    /// are told about a change must never reach them before the change is durable, nor if it rolls back.
    /// </summary>
    public void AfterCommit(Func<CancellationToken, Task> work)
    {
        if (Database.CurrentTransaction is null)
            throw new InvalidOperationException("AfterCommit needs an open transaction (see InTransactionAsync).");
        afterCommit.Add(work);
    }

    internal async Task RunAfterCommitAsync(CancellationToken ct)
    {
        var queued = afterCommit.ToList();
        afterCommit.Clear();
        foreach (var work in queued)
            await work(ct);
    }

    internal void DropAfterCommit() => afterCommit.Clear();

    string AuthorName => author?.Name ?? RecordAuthor.System;

    /// <summary>
    /// The stamps SaveChanges gives a new record (version 1, created and updated now by the author), for records inserted
    /// without the change tracker (<see cref="BulkInsert"/>).
    /// </summary>
    public void StampNew(IEnumerable<AuditedRecord> records)
    {
        var now = UtcNow;
        var by = AuthorName;
        foreach (var record in records)
            StampAsNew(record, now, by);
    }

    static void StampAsNew(AuditedRecord record, DateTime now, string by)
    {
        record.Version = 1;
        record.CreatedAt = record.UpdatedAt = now;
        record.CreatedBy = record.UpdatedBy = by;
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Instants are stored as UTC DateTime (SQLite cannot order DateTimeOffset); read them back as UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<string>().HaveMaxLength(400);
        // Money is stored as its minor units, rates as exact decimals (see Platform/Currencies).
        configurationBuilder.Properties<Money>().HaveConversion<MoneyConverter>();
        configurationBuilder.Properties<Rate>().HaveConversion<RateConverter>().HavePrecision(18, 6);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(StudioDbContext).Assembly);

        // A prefix search is the range prefix <= term < PrefixEnd(prefix), which holds only in code-point order (as on
        // SQLite): SQL Server's usual collations put "{" (after "lopez") before the letters, so "lopez" found nothing.
        if (Database.IsSqlServer())
            foreach (var terms in modelBuilder.Model.GetEntityTypes().Where(t => SearchIndex.IsTermEntity(t.ClrType)).ToList())
                modelBuilder.Entity(terms.ClrType).Property(nameof(SearchTerm<>.Term)).UseCollation(SearchText.SqlServerCollation);

        // The staged tables carry the triggers that keep the hub's status counts and due-date counts (see StatusRecordCount).
        foreach (var staged in modelBuilder.Model.GetEntityTypes().Where(t => typeof(IHasWorkflowStage).IsAssignableFrom(t.ClrType)).ToList())
            modelBuilder.Entity(staged.ClrType).ToTable(table =>
            {
                table.HasTrigger(StatusRecordCountConfiguration.TriggerName(staged.GetTableName()!));
                table.HasTrigger(StatusDueDateCountConfiguration.TriggerName(staged.GetTableName()!));
                table.UseSqlReturningClause(false);
            });

        foreach (var entityType in modelBuilder.Model.GetEntityTypes()
                     .Where(t => typeof(AuditedRecord).IsAssignableFrom(t.ClrType) && t.BaseType is null))
        {
            var entity = modelBuilder.Entity(entityType.ClrType);
            entity.Property(nameof(AuditedRecord.Version)).IsConcurrencyToken();
            entity.Property(nameof(AuditedRecord.CreatedBy)).HasMaxLength(100);
            entity.Property(nameof(AuditedRecord.UpdatedBy)).HasMaxLength(100);
            entity.Property(nameof(AuditedRecord.DeletedBy)).HasMaxLength(100);
            // The recycle bin's rows only: live-row lists are served by their own partial indexes (WHERE DeletedAt IS
            // NULL), and an index over every row's null DeletedAt led SQLite to read whole tables through it.
            entity.HasIndex(nameof(AuditedRecord.DeletedAt)).HasFilter("DeletedAt IS NOT NULL");

            // Soft delete: records in the recycle bin are invisible unless a query asks with IgnoreQueryFilters().
            var record = Expression.Parameter(entityType.ClrType, "record");
            var notDeleted = Expression.Lambda(
                Expression.Equal(
                    Expression.Property(record, nameof(AuditedRecord.DeletedAt)),
                    Expression.Constant(null, typeof(DateTime?))),
                record);
            entity.HasQueryFilter(notDeleted);
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampAuditedRecords();
        // The app saves asynchronously; this path (tools, tests) waits for the same search-term rebuild.
        SearchIndex.SyncAsync(this, CancellationToken.None).GetAwaiter().GetResult();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampAuditedRecords();
        // After the stamps: a changed phone or email has marked its client changed by then, so its terms follow.
        await SearchIndex.SyncAsync(this, cancellationToken);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Saves what <see cref="SearchIndex.CatchUpAsync"/> derived (terms, sort keys) without stamping the records:
    /// rebuilding derived columns is not a change anyone made, so versions (ETags) and audit fields stay.
    /// </summary>
    internal Task<int> SaveDerivedColumnsAsync(CancellationToken ct) => base.SaveChangesAsync(true, ct);

    void StampAuditedRecords()
    {
        var now = UtcNow;
        var by = AuthorName;

        // A change to an owned child (a phone, a contact…) is a change to the record that owns it.
        foreach (var owner in OwnersOfChangedChildren())
            if (owner.State == EntityState.Unchanged)
                owner.State = EntityState.Modified;

        foreach (var entry in ChangeTracker.Entries<AuditedRecord>())
        {
            if (entry.State == EntityState.Added)
                StampAsNew(entry.Entity, now, by);
            else if (entry.State == EntityState.Modified)
            {
                entry.Entity.Version++;
                entry.Entity.UpdatedAt = now;
                entry.Entity.UpdatedBy = by;
            }
        }
    }

    List<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<AuditedRecord>> OwnersOfChangedChildren()
    {
        var owners = new List<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<AuditedRecord>>();
        // The records by type and id, looked up once: scanning the tracker per child (each scan also detecting changes)
        // made a save of thousands of owned rows (a roster import's report) quadratic.
        var records = new Dictionary<(Microsoft.EntityFrameworkCore.Metadata.IEntityType Type, long Id), Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<AuditedRecord>>();
        foreach (var record in ChangeTracker.Entries<AuditedRecord>())
            records.TryAdd((record.Metadata, record.Entity.Id), record);
        foreach (var child in ChangeTracker.Entries().Where(e =>
                     e.Metadata.IsOwned() && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList())
        {
            var ownership = child.Metadata.FindOwnership()!;
            var key = child.Property(ownership.Properties[0].Name);
            if ((key.CurrentValue ?? key.OriginalValue) is long ownerId && records.TryGetValue((ownership.PrincipalEntityType, ownerId), out var owner))
                owners.Add(owner);
        }
        return owners;
    }

    sealed class MoneyConverter() : ValueConverter<Money, long>(v => v.MinorUnits, v => new Money(v));

    sealed class RateConverter() : ValueConverter<Rate, decimal>(v => v.Value, v => new Rate(v));

    sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using StudioApi.Platform.Persistence;

namespace StudioApi.Platform.Search;

/// <summary>
/// Keeps every term table in step with its records: on each save, the terms of the searchable records being added or
/// changed are rebuilt from the record (the rows that differ are added or removed, in the same SaveChanges). Found from
/// the model (each <see cref="SearchTerm{TRecord}"/> entity), so a record kind becomes searchable with its term entity
/// alone. Bulk writes (ExecuteUpdate) bypass this: none of them touches searchable text.
/// </summary>
public abstract class SearchIndex
{
    static readonly ConditionalWeakTable<IModel, IReadOnlyList<SearchIndex>> ByModel = new();

    public abstract Type RecordType { get; }

    /// <summary>The term tables of the model, one per searchable record kind.</summary>
    public static IReadOnlyList<SearchIndex> Of(IModel model) => ByModel.GetValue(model, m =>
        [.. m.GetEntityTypes()
            .Select(e => e.ClrType)
            .Where(IsTermEntity)
            .Select(t => (SearchIndex)Activator.CreateInstance(typeof(SearchIndex<,>).MakeGenericType(t.BaseType!.GetGenericArguments()[0], t))!)]);

    /// <summary>Whether <paramref name="type"/> is a term entity (a <see cref="SearchTerm{TRecord}"/>).</summary>
    public static bool IsTermEntity(Type type) => type.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(SearchTerm<>);

    /// <summary>Rebuilds the terms of the added and changed records the context tracks (called by SaveChanges).</summary>
    internal static async Task SyncAsync(StudioDbContext db, CancellationToken ct)
    {
        foreach (var index in Of(db.Model))
            await index.SyncTrackedAsync(db, ct);
    }

    protected abstract Task SyncTrackedAsync(StudioDbContext db, CancellationToken ct);

    /// <summary>
    /// For new records inserted without the change tracker (<see cref="BulkInsert"/>): sets their sort keys now, before
    /// they are inserted, and answers the writer of their terms, to run once the records have their ids.
    /// </summary>
    public static NewTerms PrepareNew<TRecord>(StudioDbContext db, IReadOnlyList<TRecord> records) where TRecord : AuditedRecord, ISearchable
    {
        var index = Of(db.Model).SingleOrDefault(i => i.RecordType == typeof(TRecord))
                    ?? throw new InvalidOperationException($"{typeof(TRecord).Name} has no term table.");
        var terms = records.Select(r =>
        {
            var wanted = r.IndexText().Where(t => t.Length > 0).ToHashSet(StringComparer.Ordinal);
            r.SearchIndexVersion = SearchText.Version;
            return ((AuditedRecord)r, wanted);
        }).ToList();
        return new NewTerms(ct => index.InsertTermsAsync(db, terms, ct));
    }

    protected abstract Task InsertTermsAsync(StudioDbContext db, List<(AuditedRecord Record, HashSet<string> Terms)> records, CancellationToken ct);

    /// <summary>The terms of new records, written by <see cref="InsertAsync"/> once the records have ids.</summary>
    public sealed class NewTerms(Func<CancellationToken, Task> insert)
    {
        public Task InsertAsync(CancellationToken ct) => insert(ct);
    }

    /// <summary>
    /// Builds the terms and sort keys of up to <paramref name="batch"/> records whose were built with other rules, or
    /// never (rows written without the app, or before an upgrade), without touching their version or audit stamps.
    /// Returns how many it did; 0 when the table is up to date.
    /// </summary>
    public abstract Task<int> CatchUpAsync(StudioDbContext db, int batch, CancellationToken ct);
}

sealed class SearchIndex<TRecord, TTerm> : SearchIndex
    where TRecord : AuditedRecord, ISearchable
    where TTerm : SearchTerm<TRecord>, new()
{
    public override Type RecordType => typeof(TRecord);

    protected override async Task SyncTrackedAsync(StudioDbContext db, CancellationToken ct)
    {
        var changed = db.ChangeTracker.Entries<TRecord>().Where(e => e.State is EntityState.Added or EntityState.Modified).ToList();
        if (changed.Count > 0)
            await RebuildAsync(db, changed.Select(e => (e.Entity, e.State == EntityState.Added)).ToList(), ct);
    }

    protected override Task InsertTermsAsync(StudioDbContext db, List<(AuditedRecord Record, HashSet<string> Terms)> records, CancellationToken ct) =>
        db.InsertAsync(records.SelectMany(r => r.Terms.Select(t => Term((TRecord)r.Record, t, r.Record.Id))).ToList(), ct);

    static TTerm Term(TRecord record, string term, long? recordId = null)
    {
        var row = recordId is { } id ? new TTerm { RecordId = id, Term = term } : new TTerm { Record = record, Term = term };
        row.Follow(record);
        return row;
    }

    public override async Task<int> CatchUpAsync(StudioDbContext db, int batch, CancellationToken ct)
    {
        var records = await db.Set<TRecord>().IgnoreQueryFilters()
            .Where(r => r.SearchIndexVersion != SearchText.Version)
            .OrderBy(r => r.Id)
            .Take(batch)
            .ToListAsync(ct);
        if (records.Count == 0)
            return 0;
        await RebuildAsync(db, records.Select(r => (r, false)).ToList(), ct);
        await db.SaveDerivedColumnsAsync(ct);
        db.ChangeTracker.Clear();
        return records.Count;
    }

    static async Task RebuildAsync(StudioDbContext db, List<(TRecord Record, bool IsNew)> records, CancellationToken ct)
    {
        var existingIds = records.Where(r => !r.IsNew).Select(r => r.Record.Id).ToList();
        var existing = (existingIds.Count == 0 ? [] : await db.Set<TTerm>().Where(t => existingIds.Contains(t.RecordId!.Value)).ToListAsync(ct))
            .ToLookup(t => t.RecordId);
        // Terms added by an earlier attempt of this save (a save retried after a number clash, SaveNumberedAsync) are
        // still tracked: they count as there, or the retry would add each term twice.
        var pending = db.ChangeTracker.Entries<TTerm>().Where(e => e.State == EntityState.Added && e.Entity.Record is not null)
            .ToLookup(e => e.Entity.Record!, ReferenceEqualityComparer.Instance);
        var additions = new List<(TRecord Record, bool IsNew, HashSet<string> Terms)>();
        foreach (var (record, isNew) in records)
        {
            var wanted = record.IndexText().Where(t => t.Length > 0).ToHashSet(StringComparer.Ordinal);
            record.SearchIndexVersion = SearchText.Version;
            foreach (var added in pending[record])
                if (!wanted.Remove(added.Entity.Term))
                    added.State = EntityState.Detached;
                else
                    added.Entity.Follow(record);
            if (!isNew)
                foreach (var term in existing[record.Id])
                    if (!wanted.Remove(term.Term))
                        db.Remove(term);
                    else
                        term.Follow(record); // kept: its record's sort key or liveness may have changed (EF writes only what did)
            if (wanted.Count > 0)
                additions.Add((record, isNew, wanted));
        }
        await RefuseVanishedAsync(db, additions.Where(a => !a.IsNew).Select(a => a.Record.Id).ToList(), ct);
        foreach (var (record, _, terms) in additions)
            foreach (var term in terms)
                db.Add(Term(record, term));
    }

    /// <summary>
    /// A changed record that someone erased since it was read (a purge) would have its new terms inserted before its
    /// own update, and they fail on their foreign key: an unmapped error (500). The update's version guard is what
    /// should refuse it, so it is refused as the guard does (DbUpdateConcurrencyException: 412, or 409).
    /// </summary>
    static async Task RefuseVanishedAsync(StudioDbContext db, List<long> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
            return;
        var there = await db.Set<TRecord>().IgnoreQueryFilters().Where(r => ids.Contains(r.Id)).Select(r => r.Id).ToListAsync(ct);
        if (ids.Except(there).ToList() is { Count: > 0 } gone)
            throw new DbUpdateConcurrencyException($"{typeof(TRecord).Name} {string.Join(", ", gone)} no longer exists: it was removed while this change was made.");
    }
}

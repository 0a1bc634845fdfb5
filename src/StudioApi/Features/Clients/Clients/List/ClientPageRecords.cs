using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Workflow;

namespace StudioApi.Features.Clients.Clients.List;

/// <summary>
/// A client page's records by id, read as plain rows: the clients' columns with their status, then each owned list of
/// those clients, put together here. Loading them as entities with their owned lists (EF's includes, split or single)
/// took 1.9 ms of CPU for a page of 50 at 100,000 clients, its shaper making delegates row by row; these five plain
/// statements take 1.25 ms, and they are most of what a client page costs the server.
/// Each is a compiled query: EF otherwise walks and hashes each query's expression tree on every request to find its
/// SQL in the cache, a tenth of the page's CPU for these five. The status brings only what the response shows.
/// Every column <see cref="ClientResponse"/> shows is read here (ClientListTests compares a listed client with GET /clients/{id}).
/// </summary>
static class ClientPageRecords
{
    public static async Task<List<Client>> LoadAsync(StudioDbContext db, long[] ids, CancellationToken ct)
    {
        var clients = await AsyncEnumerable.ToListAsync(Clients(db, ids), ct);
        var byId = clients.ToDictionary(c => c.Id);

        // Each list in the order the client's own load reads it (its rows' ids).
        foreach (var row in (await AsyncEnumerable.ToListAsync(Addresses(db, ids), ct)).OrderBy(r => r.Key))
            byId[row.ClientId].Addresses.Add(row.Item);
        foreach (var row in (await AsyncEnumerable.ToListAsync(Phones(db, ids), ct)).OrderBy(r => r.Key))
            byId[row.ClientId].Phones.Add(row.Item);
        foreach (var row in (await AsyncEnumerable.ToListAsync(Emails(db, ids), ct)).OrderBy(r => r.Key))
            byId[row.ClientId].Emails.Add(row.Item);
        foreach (var row in (await AsyncEnumerable.ToListAsync(FamilyMembers(db, ids), ct)).OrderBy(r => r.Key))
            byId[row.ClientId].FamilyMembers.Add(row.Item);
        return clients;
    }

    /// <summary>A row of one of the clients' owned lists: whose it is, its own id (the list's order) and the item.</summary>
    sealed record Owned<T>(long ClientId, long Key, T Item);

    // On SQLite the ids go as one parameter (DatabaseRegistration): the same SQL for every page.
    static readonly Func<StudioDbContext, long[], IAsyncEnumerable<Client>> Clients = EF.CompileAsyncQuery((StudioDbContext db, long[] ids) =>
        db.Set<Client>().IgnoreQueryFilters().AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new Client
        {
            Id = c.Id,
            Version = c.Version,
            CreatedAt = c.CreatedAt,
            CreatedBy = c.CreatedBy,
            UpdatedAt = c.UpdatedAt,
            UpdatedBy = c.UpdatedBy,
            DeletedAt = c.DeletedAt,
            DeletedBy = c.DeletedBy,
            Number = c.Number,
            Kind = c.Kind,
            FirstName = c.FirstName,
            LastName = c.LastName,
            Company = c.Company,
            ReferralSource = c.ReferralSource,
            BirthDate = c.BirthDate,
            EmailOptOut = c.EmailOptOut,
            SmsOptOut = c.SmsOptOut,
            Unsubscribed = c.Unsubscribed,
            UnsubscribedAt = c.UnsubscribedAt,
            EmailBounceAddress = c.EmailBounceAddress,
            EmailBounceReason = c.EmailBounceReason,
            EmailBouncedAt = c.EmailBouncedAt,
            Student = c.Student,
            ImageId = c.ImageId,
            StatusId = c.StatusId,
            // What RecordStatusResponse shows: the status's other dozen columns were a third of this query's reading.
            Status = c.Status == null ? null : new StatusDefinition { Id = c.Status.Id, Description = c.Status.Description, IsFinal = c.Status.IsFinal },
            StatusChangedAt = c.StatusChangedAt,
            StatusDate = c.StatusDate,
            StatusDueDate = c.StatusDueDate,
        }));

    static readonly Func<StudioDbContext, long[], IAsyncEnumerable<Owned<ClientAddress>>> Addresses = EF.CompileAsyncQuery((StudioDbContext db, long[] ids) =>
        db.Set<Client>().IgnoreQueryFilters().AsNoTracking().Where(c => ids.Contains(c.Id))
            .SelectMany(c => c.Addresses, (c, a) => new Owned<ClientAddress>(c.Id, EF.Property<long>(a, "Id"), a)));

    static readonly Func<StudioDbContext, long[], IAsyncEnumerable<Owned<ClientPhone>>> Phones = EF.CompileAsyncQuery((StudioDbContext db, long[] ids) =>
        db.Set<Client>().IgnoreQueryFilters().AsNoTracking().Where(c => ids.Contains(c.Id))
            .SelectMany(c => c.Phones, (c, p) => new Owned<ClientPhone>(c.Id, EF.Property<long>(p, "Id"), p)));

    static readonly Func<StudioDbContext, long[], IAsyncEnumerable<Owned<ClientEmail>>> Emails = EF.CompileAsyncQuery((StudioDbContext db, long[] ids) =>
        db.Set<Client>().IgnoreQueryFilters().AsNoTracking().Where(c => ids.Contains(c.Id))
            .SelectMany(c => c.Emails, (c, e) => new Owned<ClientEmail>(c.Id, EF.Property<long>(e, "Id"), e)));

    static readonly Func<StudioDbContext, long[], IAsyncEnumerable<Owned<FamilyMember>>> FamilyMembers = EF.CompileAsyncQuery((StudioDbContext db, long[] ids) =>
        db.Set<Client>().IgnoreQueryFilters().AsNoTracking().Where(c => ids.Contains(c.Id))
            .SelectMany(c => c.FamilyMembers, (c, m) => new Owned<FamilyMember>(c.Id, EF.Property<long>(m, "Id"), m)));
}

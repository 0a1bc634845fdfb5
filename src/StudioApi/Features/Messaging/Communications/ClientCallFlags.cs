using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Clients.Clients;
using StudioApi.Features.Scheduling.Sessions;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Workflow;

namespace StudioApi.Features.Messaging.Communications;

/// <summary>
/// The client's overdue-call light: a live call not completed and due before the studio's today. Read from the open
/// calls' filtered index (IX_Communications_OpenCalls), a page of clients in one query.
/// </summary>
public sealed class ClientCallFlags(StudioDbContext db) : IClientCallFlags
{
    public async Task<IReadOnlySet<long>> WithOverdueCallsAsync(IReadOnlyCollection<long> clientIds, DateOnly today, CancellationToken ct)
    {
        if (clientIds.Count == 0)
            return new HashSet<long>();
        return await AsyncEnumerable.ToHashSetAsync(Overdue(db, [.. clientIds], today), cancellationToken: ct);
    }

    // Compiled, as the client page's own queries are (ClientPageRecords); on SQLite the ids go as one parameter.
    static readonly Func<StudioDbContext, long[], DateOnly, IAsyncEnumerable<long>> Overdue = EF.CompileAsyncQuery((StudioDbContext db, long[] ids, DateOnly today) =>
        db.Set<Communication>().Where(c => ids.Contains(c.ClientId) && c.DueDate != null && c.CompletedAt == null && c.DueDate < today)
            .Select(c => c.ClientId).Distinct());
}

/// <summary>
/// A session's communications go to the recycle bin with it and come back with it (the seed deletes them with the
/// session); a purge erases them, their status log and attachments. A queued message of a deleted session is not sent.
/// </summary>
public sealed class SessionCommunicationDependents(StudioDbContext db, StudioApi.Platform.Storage.IFileStore store) : ISessionDependent
{
    public async Task DeleteAsync(Session session, CancellationToken ct)
    {
        foreach (var communication in await db.Communications.Where(c => c.SessionId == session.Id).ToListAsync(ct))
            (communication.DeletedAt, communication.DeletedBy) = (session.DeletedAt, session.DeletedBy);
    }

    public async Task RestoreAsync(Session session, CancellationToken ct)
    {
        var deletedAt = session.DeletedAt;
        foreach (var communication in await db.Communications.IgnoreQueryFilters().Where(c => c.SessionId == session.Id && c.DeletedAt == deletedAt).ToListAsync(ct))
            db.Restore(communication);
    }

    public async Task PurgeAsync(Session session, CancellationToken ct)
    {
        var ids = await db.Communications.IgnoreQueryFilters().Where(c => c.SessionId == session.Id).Select(c => c.Id).ToListAsync(ct);
        if (ids.Count == 0)
            return;
        var files = await db.Communications.IgnoreQueryFilters().Where(c => ids.Contains(c.Id))
            .SelectMany(c => c.Attachments.Select(a => a.StorageKey)).ToListAsync(ct);
        await db.StatusLogEntries.Where(e => e.Kind == RecordKind.Communication && ids.Contains(e.RecordId)).ExecuteDeleteAsync(ct);
        // A letter's print job stays (it may be on paper already); it just no longer points at the letter.
        await db.PrintJobs.IgnoreQueryFilters().Where(p => p.CommunicationId != null && ids.Contains(p.CommunicationId.Value))
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.CommunicationId, (long?)null), ct);
        await db.Communications.IgnoreQueryFilters().Where(c => ids.Contains(c.Id)).ExecuteDeleteAsync(ct);
        // The attachments' files go once the purge has committed, so a rollback never loses one.
        db.AfterCommit(async token =>
        {
            foreach (var key in files)
                await store.DeleteAsync(key, token);
        });
    }
}

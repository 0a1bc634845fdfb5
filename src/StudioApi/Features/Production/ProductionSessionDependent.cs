using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Production.ProductionOrders;
using StudioApi.Features.Production.ProofOrders;
using StudioApi.Features.Scheduling.Sessions;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Workflow;

namespace StudioApi.Features.Production;

/// <summary>
/// A session's production and proof orders live and die with it: they go to the recycle bin with it and come back
/// with it. A purge erases them: the proof orders and the production orders by their keys (a purged session's invoices
/// take their production orders with them), then the status log of the orders that are gone.
/// </summary>
public sealed class ProductionSessionDependent(StudioDbContext db) : ISessionDependent
{
    public async Task DeleteAsync(Session session, CancellationToken ct)
    {
        foreach (var order in await db.Set<ProductionOrder>().Where(o => o.SessionId == session.Id).ToListAsync(ct))
            (order.DeletedAt, order.DeletedBy) = (session.DeletedAt, session.DeletedBy);
        foreach (var order in await db.Set<ProofOrder>().Where(o => o.SessionId == session.Id).ToListAsync(ct))
            (order.DeletedAt, order.DeletedBy) = (session.DeletedAt, session.DeletedBy);
    }

    public async Task RestoreAsync(Session session, CancellationToken ct)
    {
        var deletedAt = session.DeletedAt;
        foreach (var order in await db.Set<ProductionOrder>().IgnoreQueryFilters().Where(o => o.SessionId == session.Id && o.DeletedAt == deletedAt).ToListAsync(ct))
            db.Restore(order);
        foreach (var order in await db.Set<ProofOrder>().IgnoreQueryFilters().Where(o => o.SessionId == session.Id && o.DeletedAt == deletedAt).ToListAsync(ct))
            db.Restore(order);
    }

    public async Task PurgeAsync(Session session, CancellationToken ct)
    {
        await db.Set<ProductionOrder>().IgnoreQueryFilters().Where(o => o.SessionId == session.Id).ExecuteDeleteAsync(ct);
        await db.Set<ProofOrder>().IgnoreQueryFilters().Where(o => o.SessionId == session.Id).ExecuteDeleteAsync(ct);
        // The invoices' purge may have taken the orders first (by cascade): their log goes by what is no longer there.
        var orders = db.Set<ProductionOrder>().IgnoreQueryFilters();
        await db.StatusLogEntries.Where(e => e.Kind == RecordKind.ProductionOrder && !orders.Any(o => o.Id == e.RecordId)).ExecuteDeleteAsync(ct);
    }
}

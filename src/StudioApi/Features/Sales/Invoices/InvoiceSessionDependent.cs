using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Clients;
using StudioApi.Features.Scheduling.Sessions;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Workflow;

namespace StudioApi.Features.Sales.Invoices;

/// <summary>
/// A session's invoices live and die with it: they go to the recycle bin with it and come back with it, and a purge
/// erases them. An invoice with payments (even refunded ones) is money on record: it stops the session from being
/// deleted (the seed deleted invoices with their session; we refuse and say which).
/// </summary>
public sealed class InvoiceSessionDependent(StudioDbContext db) : ISessionDependent
{
    public async Task<IReadOnlyList<string>> FindBlockersAsync(Session session, CancellationToken ct)
    {
        var paid = await db.Invoices.Where(i => i.SessionId == session.Id && db.Set<Payments.Payment>().Any(p => p.InvoiceId == i.Id))
            .OrderBy(i => i.Number).Select(i => new { i.Number, i.Paid }).ToListAsync(ct);
        return paid.Select(i => $"invoice {i.Number} has payments on record (paid {i.Paid} minor units): void or credit it, it stays with its session").ToList();
    }

    public async Task DeleteAsync(Session session, CancellationToken ct)
    {
        foreach (var invoice in await db.Invoices.Where(i => i.SessionId == session.Id).ToListAsync(ct))
            (invoice.DeletedAt, invoice.DeletedBy) = (session.DeletedAt, session.DeletedBy);
    }

    public async Task RestoreAsync(Session session, CancellationToken ct)
    {
        var deletedAt = session.DeletedAt;
        foreach (var invoice in await db.Invoices.IgnoreQueryFilters().Where(i => i.SessionId == session.Id && i.DeletedAt == deletedAt).ToListAsync(ct))
            db.Restore(invoice);
    }

    public async Task PurgeAsync(Session session, CancellationToken ct)
    {
        var ids = await db.Invoices.IgnoreQueryFilters().Where(i => i.SessionId == session.Id).Select(i => i.Id).ToListAsync(ct);
        if (ids.Count == 0)
            return;
        await db.StatusLogEntries.Where(e => e.Kind == RecordKind.Invoice && ids.Contains(e.RecordId)).ExecuteDeleteAsync(ct);
        await db.RecordNotes.Where(n => n.Kind == RecordKind.Invoice && ids.Contains(n.RecordId)).ExecuteDeleteAsync(ct);
        // Tasks raised about the invoices stay: they are the studio's record of the work done.
        await db.Tasks.IgnoreQueryFilters().Where(t => t.InvoiceId != null && ids.Contains(t.InvoiceId.Value))
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.InvoiceId, (long?)null).SetProperty(t => t.Version, t => t.Version + 1), ct);
        // The lines, taxes, coupons and plans go with their invoices (owned rows, deleted by cascade).
        await db.Invoices.IgnoreQueryFilters().Where(i => ids.Contains(i.Id)).ExecuteDeleteAsync(ct);
    }
}

using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Clients;
using StudioApi.Features.Messaging.Merging;
using StudioApi.Features.Sales;
using StudioApi.Features.Scheduling;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Messaging.Batches;

/// <summary>A record a batch sends to: the record (client, session or invoice) and its client. Init properties, so queries can go on filtering it.</summary>
public sealed record BatchRecord
{
    public long RecordId { get; init; }
    public long ClientId { get; init; }
    public long? SessionId { get; init; }
    public long? InvoiceId { get; init; }
}

public static class BatchRecords
{
    /// <summary>
    /// The filter's live records made no later than <paramref name="madeBy"/> (cancelled sessions left out), in id order,
    /// so a batch can page through them and pick up where it stopped.
    /// </summary>
    public static IQueryable<BatchRecord> Query(StudioDbContext db, BatchFilter filter, DateTime madeBy)
    {
        if (filter.RecordType == MergeRecordType.Invoice)
        {
            // Invoices with a balance due (receivable, not void, owing): BalanceDue is stored with the balance.
            var invoices = db.Invoices.Where(i => i.CreatedAt <= madeBy && i.BalanceDue);
            if (filter.InvoiceDateFrom is { } from)
                invoices = invoices.Where(i => i.Date >= from);
            if (filter.InvoiceDateTo is { } to)
                invoices = invoices.Where(i => i.Date <= to);
            return invoices.OrderBy(i => i.Id).Select(i => new BatchRecord { RecordId = i.Id, ClientId = i.ClientId, SessionId = i.SessionId, InvoiceId = i.Id });
        }
        if (filter.RecordType == MergeRecordType.Session)
        {
            var sessions = db.Sessions.Where(s => s.CreatedAt <= madeBy && !s.Cancelled);
            if (filter.SessionDateFrom is { } from)
                sessions = sessions.Where(s => s.Date >= from);
            if (filter.SessionDateTo is { } to)
                sessions = sessions.Where(s => s.Date <= to);
            if (filter.OrganizationId is { } organization)
                sessions = sessions.Where(s => s.OrganizationId == organization);
            if (filter.SessionTypeId is { } type)
                sessions = sessions.Where(s => s.SessionTypeId == type);
            if (filter.SessionStatusId is { } status)
                sessions = sessions.Where(s => s.StatusId == status);
            return sessions.OrderBy(s => s.Id).Select(s => new BatchRecord { RecordId = s.Id, ClientId = s.ClientId, SessionId = s.Id });
        }
        var clients = db.Clients.Where(c => c.CreatedAt <= madeBy);
        if (filter.ClientStatusId is { } clientStatus)
            clients = clients.Where(c => c.StatusId == clientStatus);
        if (filter.OrganizationId is { } school)
            clients = clients.Where(c => c.Student != null && c.Student.OrganizationId == school);
        return clients.OrderBy(c => c.Id).Select(c => new BatchRecord { RecordId = c.Id, ClientId = c.Id, SessionId = null });
    }
}

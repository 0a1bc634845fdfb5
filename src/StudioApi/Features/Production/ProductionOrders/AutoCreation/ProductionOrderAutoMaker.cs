using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Production.Settings;
using StudioApi.Features.Sales;
using StudioApi.Features.Sales.Invoices;
using StudioApi.Platform.Background;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Workflow;

namespace StudioApi.Features.Production.ProductionOrders.AutoCreation;

/// <summary>
/// Makes an invoice's production orders when it reaches the status the production settings chose, as a reader of the
/// status log (the durable stream of status changes; engine kind <see cref="Kind"/>, settings
/// <c>Background:ProductionOrders</c>): the orders are made in the transaction that moves its cursor, so a change is
/// never lost (a crash before the commit reads it again) nor doubled (and the maker never orders a line twice anyway).
/// Only changes made after the status was chosen count. Woken by <see cref="ProductionOrderAutoWake"/>.
/// </summary>
public sealed class ProductionOrderAutoMaker(StudioDbContext db, ProductionOrderMaker maker) : StreamConsumer<StatusLogEntry>
{
    public const string Kind = "productionOrders";
    public const string Consumer = "production-orders";

    static readonly Expression<Func<StatusLogEntry, DateTime>> ChangedAt = e => e.ChangedAt;

    public override Expression<Func<StatusLogEntry, DateTime>> CreatedAt => ChangedAt;

    public override async Task HandleAsync(IReadOnlyList<StatusLogEntry> entries, CancellationToken ct)
    {
        if (!entries.Any(e => e.Kind == RecordKind.Invoice))
            return;
        var settings = await db.Set<ProductionSettings>().AsNoTracking().OrderBy(s => s.Id).FirstOrDefaultAsync(ct);
        if (settings is not { AutoCreateAtInvoiceStatusId: { } statusId, AutoCreateChosenAt: { } chosenAt })
            return;
        var invoiceIds = entries.Where(e => e.Kind == RecordKind.Invoice && e.ToStatusId == statusId && e.ChangedAt >= chosenAt)
            .Select(e => e.RecordId).Distinct().ToList();
        foreach (var invoiceId in invoiceIds)
        {
            // Deleted, voided or turned into something not produced since it reached the status: nothing to make.
            var invoice = await db.Invoices.AsNoTracking().Where(i => i.Id == invoiceId)
                .Select(i => new { i.Type, i.VoidedAt }).SingleOrDefaultAsync(ct);
            if (invoice is null || invoice.VoidedAt is not null || invoice.Type is InvoiceType.Estimate or InvoiceType.CreditMemo)
                continue;
            await maker.MakeAsync(invoiceId, ct);
        }
    }
}

/// <summary>Wakes the auto maker when an invoice's status changes, so its orders appear at once rather than at the next poll.</summary>
public sealed class ProductionOrderAutoWake(ProductionOrderSignal signal) : IStatusChangeHandler
{
    public Task HandleAsync(IReadOnlyList<StatusChanged> changes, CancellationToken ct)
    {
        if (changes.Any(c => c.Kind == RecordKind.Invoice))
            signal.Wake();
        return Task.CompletedTask;
    }
}

/// <summary>Wakes the production-order auto maker: an invoice's status changed.</summary>
public sealed class ProductionOrderSignal : WakeSignal;

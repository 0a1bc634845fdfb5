using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Paging;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;
using StudioApi.Platform.Workflow;

namespace StudioApi.Features.Production.ProductionOrders.List;

public sealed class ListProductionOrdersRequest : ListRequest
{
    /// <summary>Orders at this status.</summary>
    public long? StatusId { get; set; }
    public long? VendorId { get; set; }
    public long? ProductionTypeId { get; set; }
    public long? SessionId { get; set; }
    public long? InvoiceId { get; set; }
    public long? ClientId { get; set; }
    /// <summary>Orders made on or after this day.</summary>
    public DateOnly? DateFrom { get; set; }
    /// <summary>Orders made on or before this day.</summary>
    public DateOnly? DateTo { get; set; }
    /// <summary>true: only orders past their status's due date and not at a final status.</summary>
    public bool? Overdue { get; set; }
    /// <summary>true lists the recycle bin instead of the live records.</summary>
    public bool? Deleted { get; set; }
}

public sealed class ListProductionOrdersValidator : ListRequestValidator<ListProductionOrdersRequest, ProductionOrderRow>
{
    public ListProductionOrdersValidator() : base(ListProductionOrdersEndpoint.SortKeys)
    {
        RuleFor(r => r.DateTo).GreaterThanOrEqualTo(r => r.DateFrom).When(r => r.DateFrom is not null && r.DateTo is not null)
            .WithMessage("dateTo must not be before dateFrom.");
    }
}

/// <summary>
/// The production-order list (seed: the session's Production tab, and the orders of the whole studio): summaries read from
/// the orders table alone, each sort from an index of its own that also serves the live-rows filter.
/// </summary>
public sealed class ListProductionOrdersEndpoint(StudioDbContext db, StudioCalendar calendar) : Endpoint<ListProductionOrdersRequest, Page<ProductionOrderSummaryResponse>>
{
    internal static readonly SortKeys<ProductionOrderRow> SortKeys = new SortKeys<ProductionOrderRow>("-number")
        .Add("number", r => r.Number)
        .Add("orderDate", r => r.OrderDate);

    public override void Configure()
    {
        Get("/production-orders");
        Roles(ProductionOrderAccess.Workers);
        Description(d => d.Operation("ProductionOrders", "List", "List production orders",
            "By status, vendor, production type, session, invoice, client, order date range and overdue; newest number first by "
            + "default. The kiosk (sales) sees the orders of the invoices it sees."));
    }

    public override async Task HandleAsync(ListProductionOrdersRequest req, CancellationToken ct)
    {
        var orders = db.Set<ProductionOrder>().AsNoTracking();
        if (req.Deleted == true)
        {
            if (!Sales.Invoices.InvoiceAccess.SeesAll(User))
                throw ApiProblem.Forbidden("Only the front desk sees the recycle bin.");
            orders = orders.IgnoreQueryFilters().Where(o => o.DeletedAt != null);
        }
        orders = orders.Visible(db, User);
        if (req.StatusId is { } statusId)
            orders = orders.Where(o => o.StatusId == statusId);
        if (req.VendorId is { } vendorId)
            orders = orders.Where(o => o.VendorId == vendorId);
        if (req.ProductionTypeId is { } typeId)
            orders = orders.Where(o => o.ProductionTypeId == typeId);
        if (req.SessionId is { } sessionId)
            orders = orders.Where(o => o.SessionId == sessionId);
        if (req.InvoiceId is { } invoiceId)
            orders = orders.Where(o => o.InvoiceId == invoiceId);
        if (req.ClientId is { } clientId)
            orders = orders.Where(o => o.ClientId == clientId);
        if (req.DateFrom is { } from)
            orders = orders.Where(o => o.OrderDate >= from);
        if (req.DateTo is { } to)
            orders = orders.Where(o => o.OrderDate <= to);
        if (req.Overdue is { } overdue)
        {
            var today = await calendar.TodayAsync(ct);
            var finals = db.StatusDefinitions.Where(s => s.Kind == RecordKind.ProductionOrder && s.IsFinal).Select(s => (long?)s.Id);
            orders = overdue
                ? orders.Where(o => o.StatusDueDate < today && !finals.Contains(o.StatusId))
                : orders.Where(o => !(o.StatusDueDate < today) || finals.Contains(o.StatusId));
        }

        var page = await orders.Select(ProductionOrderRow.Of).ToPageAsync(req, SortKeys, ProductionOrderRow.ToResponse, ct);
        await Send.OkAsync(page, ct);
    }
}

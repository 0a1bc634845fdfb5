using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Imaging.Images.Proofing;
using StudioApi.Features.Sales;
using StudioApi.Features.Sales.Invoices;
using StudioApi.Platform.Http;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Workflow;

namespace StudioApi.Features.Production.ProductionOrders;

public sealed class ProductionOrderResponse : RecordResponse
{
    public required int Number { get; init; }
    public required long InvoiceId { get; init; }
    public required int InvoiceNumber { get; init; }
    public required DateOnly InvoiceDate { get; init; }
    public required long ClientId { get; init; }
    public long? SessionId { get; init; }
    public required long ProductionTypeId { get; init; }
    public long? VendorId { get; init; }
    public required DateOnly OrderDate { get; init; }
    /// <summary>When the studio wants it back; null when not set.</summary>
    public DateOnly? DueDate { get; init; }
    [MaxLength(ProductionOrderLimits.LabReferenceLength)]
    public string? LabReference { get; init; }
    [MaxLength(ProductionOrderLimits.CarrierLength)]
    public string? Carrier { get; init; }
    [MaxLength(ProductionOrderLimits.TrackingNumberLength)]
    public string? TrackingNumber { get; init; }
    [MaxLength(ProductionOrderLimits.NotesLength)]
    public string? Notes { get; init; }
    /// <summary>Where the order is in its production type's workflow; null while that workflow has no statuses.</summary>
    public RecordStatusResponse? Status { get; init; }
    /// <summary>The ordered products, in invoice order.</summary>
    [MaxLength(ProductionOrderLimits.MaxLines)]
    public required IReadOnlyList<ProductionOrderLineResponse> Lines { get; init; }

    public static ProductionOrderResponse From(ProductionOrder o, Invoice invoice, DateOnly today) => new ProductionOrderResponse
    {
        Number = o.Number,
        InvoiceId = o.InvoiceId,
        InvoiceNumber = invoice.Number,
        InvoiceDate = invoice.Date,
        ClientId = o.ClientId,
        SessionId = o.SessionId,
        ProductionTypeId = o.ProductionTypeId,
        VendorId = o.VendorId,
        OrderDate = o.OrderDate,
        DueDate = o.DueDate,
        LabReference = o.LabReference,
        Carrier = o.Carrier,
        TrackingNumber = o.TrackingNumber,
        Notes = o.Notes,
        Status = RecordStatusResponse.From(o, o.Status, today),
        Lines = o.Lines.OrderBy(l => l.Position).Select(ProductionOrderLineResponse.From).ToList(),
    }.WithAudit(o);

    /// <summary>The order as answered: its status and invoice read if not loaded.</summary>
    public static async Task<ProductionOrderResponse> OneAsync(StudioDbContext db, ProductionOrder order, DateOnly today, CancellationToken ct)
    {
        if (order.StatusId is not null && order.Status is null)
            order.Status = await db.StatusDefinitions.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(s => s.Id == order.StatusId, ct);
        var invoice = await db.Invoices.IgnoreQueryFilters().AsNoTracking().Where(i => i.Id == order.InvoiceId)
            .Select(i => new Invoice { Id = i.Id, Number = i.Number, Date = i.Date }).SingleAsync(ct);
        return From(order, invoice, today);
    }
}

public sealed class ProductionOrderLineResponse
{
    public required long Id { get; init; }
    public required long InvoiceLineId { get; init; }
    /// <summary>0 for the line's own image; 1, 2… for a package's poses.</summary>
    public required int Part { get; init; }
    public long? ItemId { get; init; }
    [MaxLength(InvoiceLimits.CodeLength)]
    public required string Code { get; init; }
    [MaxLength(InvoiceLimits.DescriptionLength)]
    public required string Description { get; init; }
    public required int Quantity { get; init; }
    /// <summary>The shape its crop must have (width:height, either orientation); null for any.</summary>
    [MaxLength(20)]
    public string? AspectRatio { get; init; }
    /// <summary>The print's size in inches (8x10): a render of the order makes the image at it.</summary>
    [MaxLength(20)]
    public string? PrintSize { get; init; }
    public long? ImageId { get; init; }
    /// <summary>The proofing rotation the crop is drawn on: 0, 90, 180 or 270.</summary>
    public required int Rotation { get; init; }
    /// <summary>The part of the upright, rotated image to print; null for the whole frame.</summary>
    public ImageCrop? Crop { get; init; }
    /// <summary>Someone set or kept the crop in the bulk crop; false lines are the ones still to look at.</summary>
    public required bool CropReviewed { get; init; }

    public static ProductionOrderLineResponse From(ProductionOrderLine l) => new()
    {
        Id = l.Id,
        InvoiceLineId = l.InvoiceLineId,
        Part = l.Part,
        ItemId = l.ItemId,
        Code = l.Code,
        Description = l.Description,
        Quantity = l.Quantity,
        AspectRatio = l.AspectRatio,
        PrintSize = l.PrintSize,
        ImageId = l.ImageId,
        Rotation = l.Rotation,
        Crop = l is { CropX: { } x, CropY: { } y, CropWidth: { } w, CropHeight: { } h }
            ? new ImageCrop { X = x, Y = y, Width = w, Height = h, AspectRatio = l.AspectRatio }
            : null,
        CropReviewed = l.CropReviewed,
    };
}

/// <summary>A production order in a list: what the Production tabs and the production-order list show, without its lines.</summary>
public sealed class ProductionOrderSummaryResponse
{
    public required long Id { get; init; }
    public required int Version { get; init; }
    public required int Number { get; init; }
    public required long InvoiceId { get; init; }
    public required long ClientId { get; init; }
    public long? SessionId { get; init; }
    public required long ProductionTypeId { get; init; }
    public long? VendorId { get; init; }
    public required DateOnly OrderDate { get; init; }
    public DateOnly? DueDate { get; init; }
    public long? StatusId { get; init; }
    /// <summary>When its current status is due (the overdue list's date).</summary>
    public DateOnly? StatusDueDate { get; init; }
    [MaxLength(ProductionOrderLimits.LabReferenceLength)]
    public string? LabReference { get; init; }
    [MaxLength(ProductionOrderLimits.TrackingNumberLength)]
    public string? TrackingNumber { get; init; }
    public DateTimeOffset? DeletedAt { get; init; }
}

/// <summary>The columns a list reads, so its query and keyset paging stay on the orders table.</summary>
public sealed class ProductionOrderRow : IHasId
{
    public long Id { get; set; }
    public int Version { get; set; }
    public int Number { get; set; }
    public long InvoiceId { get; set; }
    public long ClientId { get; set; }
    public long? SessionId { get; set; }
    public long ProductionTypeId { get; set; }
    public long? VendorId { get; set; }
    public DateOnly OrderDate { get; set; }
    public DateOnly? DueDate { get; set; }
    public long? StatusId { get; set; }
    public DateOnly? StatusDueDate { get; set; }
    public string? LabReference { get; set; }
    public string? TrackingNumber { get; set; }
    public DateTime? DeletedAt { get; set; }

    public static readonly System.Linq.Expressions.Expression<Func<ProductionOrder, ProductionOrderRow>> Of = o => new ProductionOrderRow
    {
        Id = o.Id, Version = o.Version, Number = o.Number, InvoiceId = o.InvoiceId, ClientId = o.ClientId, SessionId = o.SessionId,
        ProductionTypeId = o.ProductionTypeId, VendorId = o.VendorId, OrderDate = o.OrderDate, DueDate = o.DueDate, StatusId = o.StatusId,
        StatusDueDate = o.StatusDueDate, LabReference = o.LabReference, TrackingNumber = o.TrackingNumber, DeletedAt = o.DeletedAt,
    };

    public static ProductionOrderSummaryResponse ToResponse(ProductionOrderRow r) => new()
    {
        Id = r.Id, Version = r.Version, Number = r.Number, InvoiceId = r.InvoiceId, ClientId = r.ClientId, SessionId = r.SessionId,
        ProductionTypeId = r.ProductionTypeId, VendorId = r.VendorId, OrderDate = r.OrderDate, DueDate = r.DueDate, StatusId = r.StatusId,
        StatusDueDate = r.StatusDueDate, LabReference = r.LabReference, TrackingNumber = r.TrackingNumber,
        DeletedAt = r.DeletedAt is { } d ? new DateTimeOffset(d, TimeSpan.Zero) : null,
    };
}

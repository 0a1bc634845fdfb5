using FastEndpoints;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Production.Vendors;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;

namespace StudioApi.Features.Production.ProductionOrders.Update;

public sealed class UpdateProductionOrderRequest
{
    [RouteParam]
    public long Id { get; set; }

    /// <summary>A live vendor; null for none.</summary>
    public long? VendorId { get; set; }
    /// <summary>When the studio wants it back; null for none.</summary>
    public DateOnly? DueDate { get; set; }
    /// <summary>The lab's own order number.</summary>
    public string? LabReference { get; set; }
    public string? Carrier { get; set; }
    public string? TrackingNumber { get; set; }
    public string? Notes { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class UpdateProductionOrderValidator : Validator<UpdateProductionOrderRequest>
{
    public UpdateProductionOrderValidator()
    {
        RuleFor(r => r.VendorId).GreaterThan(0);
        RuleFor(r => r.LabReference).MaximumLength(ProductionOrderLimits.LabReferenceLength);
        RuleFor(r => r.Carrier).MaximumLength(ProductionOrderLimits.CarrierLength);
        RuleFor(r => r.TrackingNumber).MaximumLength(ProductionOrderLimits.TrackingNumberLength);
        RuleFor(r => r.Notes).MaximumLength(ProductionOrderLimits.NotesLength);
    }
}

public sealed class UpdateProductionOrderEndpoint(StudioDbContext db, StudioCalendar calendar) : Endpoint<UpdateProductionOrderRequest, ProductionOrderResponse>
{
    public override void Configure()
    {
        Put("/production-orders/{id}");
        Roles(ProductionOrderAccess.Workers);
        Description(d => d.Operation("ProductionOrders", "Update", "Replace a production order's details",
            "Vendor, due date, lab reference, carrier, tracking number and notes. Its lines' crops change through the bulk crop "
            + "(PUT /production-orders/{id}/lines/{lineId}/crop), its status through status changes."));
    }

    public override async Task HandleAsync(UpdateProductionOrderRequest req, CancellationToken ct)
    {
        var order = await ProductionOrderAccess.FindAsync(db, User, req.Id, ct);
        db.MatchVersion(order, req.IfMatch);
        if (req.VendorId is { } vendorId && vendorId != order.VendorId && !await db.Set<Vendor>().AnyAsync(v => v.Id == vendorId, ct))
            ThrowError(new ValidationFailure("vendorId", $"There is no vendor {vendorId}."));
        order.VendorId = req.VendorId;
        order.DueDate = req.DueDate;
        order.LabReference = Clean(req.LabReference);
        order.Carrier = Clean(req.Carrier);
        order.TrackingNumber = Clean(req.TrackingNumber);
        order.Notes = Clean(req.Notes);
        await db.SaveChangesAsync(ct);

        HttpContext.WriteETag(order);
        await Send.OkAsync(await ProductionOrderResponse.OneAsync(db, order, await calendar.TodayAsync(ct), ct), ct);
    }

    static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

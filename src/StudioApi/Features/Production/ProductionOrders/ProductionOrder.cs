using StudioApi.Platform.Persistence;
using StudioApi.Platform.Workflow;

namespace StudioApi.Features.Production.ProductionOrders;

/// <summary>
/// What one invoice asks of one kind of production (seed 001: "a production order for all the prints and a production
/// order for your frames"): the invoice's lines of one production type, the vendor that makes them, and where the order
/// stands in its type's workflow (statuses by production type), so it shows on the workflow hub and in the overdue list.
/// An invoice line is on at most one production order (recycle bin included).
/// </summary>
public sealed class ProductionOrder : AuditedRecord, INumbered, IHasWorkflowStage
{
    /// <summary>Unique for ever: the highest so far (recycle bin included) + 1.</summary>
    public int Number { get; set; }
    public long InvoiceId { get; set; }
    public long ClientId { get; set; }
    public long? SessionId { get; set; }
    /// <summary>The production type its lines share; its workflow is that type's when statuses are kept by type.</summary>
    public long ProductionTypeId { get; set; }
    public long? VendorId { get; set; }
    /// <summary>The studio-local day it was made.</summary>
    public DateOnly OrderDate { get; set; }
    /// <summary>When the studio wants it back (promised to the client); null when not set.</summary>
    public DateOnly? DueDate { get; set; }
    /// <summary>The lab's own order number.</summary>
    public string? LabReference { get; set; }
    public string? Carrier { get; set; }
    public string? TrackingNumber { get; set; }
    public string? Notes { get; set; }
    public List<ProductionOrderLine> Lines { get; set; } = [];

    public long? StatusId { get; set; }
    public StatusDefinition? Status { get; set; }
    public DateTime? StatusChangedAt { get; set; }
    public DateOnly? StatusDate { get; set; }
    public DateOnly? StatusDueDate { get; set; }
    public long? WorkflowTypeId => ProductionTypeId;
}

/// <summary>
/// One ordered product: an invoice line (or, for a package, one of its poses) with the image to make it from and its
/// crop, in the upright image turned by its proofing rotation. Copied from the invoice when the order is made; the crop
/// is then the production order's to adjust (the seed's bulk crop), kept to the item's aspect ratio.
/// </summary>
public sealed class ProductionOrderLine
{
    public long Id { get; set; }
    public int Position { get; set; }
    public long InvoiceLineId { get; set; }
    /// <summary>0 for a line's own image; 1, 2… for a package's poses.</summary>
    public int Part { get; set; }
    public long? ItemId { get; set; }
    public string Code { get; set; } = "";
    public string Description { get; set; } = "";
    public int Quantity { get; set; }
    /// <summary>The shape the crop must have (reduced width:height); null for any shape.</summary>
    public string? AspectRatio { get; set; }
    /// <summary>The print's size in inches (8x10), copied from the item: a render of the order makes the image at it.</summary>
    public string? PrintSize { get; set; }
    public long? ImageId { get; set; }
    public int Rotation { get; set; }
    public double? CropX { get; set; }
    public double? CropY { get; set; }
    public double? CropWidth { get; set; }
    public double? CropHeight { get; set; }
    /// <summary>Someone looked at the crop (set it, or kept it): the bulk crop moves past the line.</summary>
    public bool CropReviewed { get; set; }

    public bool NeedsCrop => ImageId is not null && !CropReviewed;
}

public static class ProductionOrderLimits
{
    public const int LabReferenceLength = 100;
    public const int CarrierLength = 60;
    public const int TrackingNumberLength = 100;
    public const int NotesLength = 4000;
    /// <summary>An invoice's lines (500) and their poses: the most one order may hold.</summary>
    public const int MaxLines = 5000;
}

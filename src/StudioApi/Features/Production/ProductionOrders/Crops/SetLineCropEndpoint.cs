using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Imaging;
using StudioApi.Features.Imaging.Images.Proofing;
using StudioApi.Features.Sales.PriceListItems;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;

namespace StudioApi.Features.Production.ProductionOrders.Crops;

public sealed class SetLineCropRequest
{
    /// <summary>The production order.</summary>
    [RouteParam]
    public long Id { get; set; }
    [RouteParam]
    public long LineId { get; set; }

    /// <summary>
    /// The part of the upright image, turned by its proofing rotation, to print (fractions 0–1); its shape must be the
    /// line's aspect ratio (within 1%, either orientation). Null keeps the whole frame, for a line with no ratio.
    /// </summary>
    public ImageCrop? Crop { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class SetLineCropValidator : Validator<SetLineCropRequest>
{
    public SetLineCropValidator() => RuleFor(r => r.Crop!).SetValidator(new ImageCropValidator()).When(r => r.Crop is not null);
}

public sealed class SetLineCropEndpoint(StudioDbContext db, StudioCalendar calendar) : Endpoint<SetLineCropRequest, ProductionOrderResponse>
{
    public override void Configure()
    {
        Put("/production-orders/{id}/lines/{lineId}/crop");
        Roles(ProductionOrderAccess.Workers);
        Description(d => d.Operation("ProductionOrders", "SetLineCrop", "Set an ordered image's crop",
            "Sets (or, sending the crop it has, keeps) one line's crop and marks it looked at, so the bulk crop moves on. The crop "
            + "is kept to the line's print shape: a different aspectRatio is a 400 naming crop.aspectRatio, a crop of another shape "
            + "a 422 naming crop, and a line with a print shape cannot go without a crop. Needs the order's If-Match."));
    }

    public override async Task HandleAsync(SetLineCropRequest req, CancellationToken ct)
    {
        var order = await ProductionOrderAccess.FindAsync(db, User, req.Id, ct);
        db.MatchVersion(order, req.IfMatch);
        var line = order.Lines.SingleOrDefault(l => l.Id == req.LineId) ?? throw ApiProblem.NotFound("production order line", req.LineId);
        if (line.ImageId is not { } imageId)
            throw ApiProblem.RuleBroken($"Line {line.Id} ({line.Code}) is not made from an image: it has no crop.");
        if (req.Crop?.AspectRatio is { } given && line.AspectRatio is { } ratio
            && AspectRatio.Normalize(given) != ratio && AspectRatio.Normalize(Flip(given)) != ratio)
            throw ApiProblem.InvalidInput("crop.aspectRatio", $"Line {line.Code} is printed at {ratio}: leave the crop's aspectRatio out or give {ratio}.");
        if (req.Crop is null && line.AspectRatio is not null)
            throw ApiProblem.RuleBroken($"Line {line.Code} is printed at {line.AspectRatio}: give a crop of that shape.",
                new Dictionary<string, object?> { ["field"] = "crop" });

        if (req.Crop is { } crop)
        {
            // The image as it is now, recycle bin included: the order keeps what was sold.
            var image = await db.SessionImages.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(i => i.Id == imageId, ct)
                        ?? throw ApiProblem.RuleBroken($"Image {imageId} of line {line.Code} no longer exists.");
            var shaped = new ImageCrop { X = crop.X, Y = crop.Y, Width = crop.Width, Height = crop.Height, AspectRatio = line.AspectRatio };
            if (ImageProofing.CropMismatch(image, line.Rotation, shaped) is { } mismatch)
                throw ApiProblem.RuleBroken($"crop: {mismatch}", new Dictionary<string, object?> { ["field"] = "crop" });
        }

        // Owned rows are changed in place: the line keeps its id.
        (line.CropX, line.CropY, line.CropWidth, line.CropHeight) = (req.Crop?.X, req.Crop?.Y, req.Crop?.Width, req.Crop?.Height);
        line.CropReviewed = true;
        await db.SaveChangesAsync(ct);

        HttpContext.WriteETag(order);
        await Send.OkAsync(await ProductionOrderResponse.OneAsync(db, order, await calendar.TodayAsync(ct), ct), ct);
    }

    static string Flip(string ratio) => string.Join(':', ratio.Replace('x', ':').Split(':').Reverse());
}

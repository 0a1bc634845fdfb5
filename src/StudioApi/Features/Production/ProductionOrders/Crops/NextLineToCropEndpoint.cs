using FastEndpoints;
using FluentValidation;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Production.ProductionOrders.Crops;

public sealed class NextLineToCropRequest
{
    /// <summary>The production order.</summary>
    public long Id { get; set; }
    /// <summary>The line just looked at: the next one comes after it (in order); omit to start from the first.</summary>
    [QueryParam]
    public long? After { get; set; }
}

public sealed class NextLineToCropValidator : Validator<NextLineToCropRequest>
{
    public NextLineToCropValidator() => RuleFor(r => r.After).GreaterThan(0);
}

public sealed class NextLineToCropResponse
{
    /// <summary>The next line with an image whose crop nobody has looked at yet; null when there is none left.</summary>
    public ProductionOrderLineResponse? Line { get; init; }
    /// <summary>Lines with an image still to look at, this one included.</summary>
    public required int Remaining { get; init; }
    /// <summary>The order's version, for If-Match when setting the crop.</summary>
    public required int OrderVersion { get; init; }
}

/// <summary>
/// The seed's bulk crop ("see the ordered images and quickly crop the images one after another"): the order's lines
/// still to look at, one at a time; PUT …/lines/{lineId}/crop sets or keeps a line's crop and marks it looked at.
/// </summary>
public sealed class NextLineToCropEndpoint(StudioDbContext db) : Endpoint<NextLineToCropRequest, NextLineToCropResponse>
{
    public override void Configure()
    {
        Get("/production-orders/{id}/lines/next-to-crop");
        Roles(ProductionOrderAccess.Workers);
        Description(d => d.Operation("ProductionOrders", "NextLineToCrop", "Get the next ordered image to crop",
            "The next line (after the one given, in order; wrapping to the first) with an image whose crop nobody has set or kept "
            + "yet, with how many remain; line null when none is left."));
    }

    public override async Task HandleAsync(NextLineToCropRequest req, CancellationToken ct)
    {
        var order = await ProductionOrderAccess.FindAsync(db, User, req.Id, ct);
        var lines = order.Lines.OrderBy(l => l.Position).ToList();
        var waiting = lines.Where(l => l.NeedsCrop).ToList();
        var afterPosition = req.After is { } after ? lines.FirstOrDefault(l => l.Id == after)?.Position ?? -1 : -1;
        var next = waiting.FirstOrDefault(l => l.Position > afterPosition) ?? waiting.FirstOrDefault();
        HttpContext.WriteETag(order);
        await Send.OkAsync(new NextLineToCropResponse
        {
            Line = next is null ? null : ProductionOrderLineResponse.From(next),
            Remaining = waiting.Count,
            OrderVersion = order.Version,
        }, ct);
    }
}

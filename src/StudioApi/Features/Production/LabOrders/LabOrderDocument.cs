using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StudioApi.Features.Clients;
using StudioApi.Features.Imaging;
using StudioApi.Features.Imaging.RenderRuns;
using StudioApi.Features.Production.ProductionOrders;
using StudioApi.Features.Production.Vendors;
using StudioApi.Platform.Persistence;
using StudioApi.Platform.Studio;

namespace StudioApi.Features.Production.LabOrders;

/// <summary>
/// One production order as any lab can read it: the products by the lab's codes, quantities, each image's crop in
/// percent of the (upright, rotated) frame, the rendered file of each line behind a signed URL the lab can fetch, and
/// where it ships to and from. The lab adapters (WHCC, Bay Photo) translate it into their own order formats; a hot
/// folder gets it as order.json next to the files.
/// </summary>
public sealed class LabOrderDocument
{
    /// <summary>The document's format: 1.</summary>
    public required int Format { get; init; }
    public required long ProductionOrderId { get; init; }
    public required int OrderNumber { get; init; }
    /// <summary>What the lab prints on its paperwork and uses as our order's name: PO-{number}.</summary>
    [MaxLength(20)]
    public required string Reference { get; init; }
    public required DateOnly OrderDate { get; init; }
    public DateOnly? DueDate { get; init; }
    public required LabOrderVendor Vendor { get; init; }
    public required LabOrderAddress ShipTo { get; init; }
    public required LabOrderAddress ShipFrom { get; init; }
    /// <summary>The render run whose files the items point at: the order's latest finished one; null before the order is rendered.</summary>
    public long? RenderRunId { get; init; }
    [MaxLength(ProductionOrderLimits.MaxLines)]
    public required IReadOnlyList<LabOrderItem> Items { get; init; }
}

public sealed class LabOrderVendor
{
    public required long Id { get; init; }
    [MaxLength(VendorLimits.NameLength)]
    public required string Name { get; init; }
    [MaxLength(VendorLimits.AccountNumberLength)]
    public string? AccountNumber { get; init; }
    public required SubmissionMethod SubmissionMethod { get; init; }
    public LabProtocol? LabProtocol { get; init; }
}

public sealed class LabOrderAddress
{
    [MaxLength(200)]
    public required string Name { get; init; }
    [MaxLength(200)]
    public string? Line1 { get; init; }
    [MaxLength(200)]
    public string? Line2 { get; init; }
    [MaxLength(100)]
    public string? City { get; init; }
    /// <summary>State, province or county.</summary>
    [MaxLength(100)]
    public string? Region { get; init; }
    [MaxLength(20)]
    public string? PostalCode { get; init; }
    /// <summary>ISO 3166-1 alpha-2.</summary>
    [MaxLength(2)]
    public string? Country { get; init; }
    [MaxLength(40)]
    public string? Phone { get; init; }
    [MaxLength(254)]
    public string? Email { get; init; }
}

/// <summary>One ordered product.</summary>
public sealed class LabOrderItem
{
    /// <summary>The production order's line.</summary>
    public required long LineId { get; init; }
    /// <summary>The lab's product code: the vendor's code for the price list item, else the line's own code.</summary>
    [MaxLength(VendorLimits.LabCodeLength)]
    public required string LabCode { get; init; }
    /// <summary>The lab's option codes for the product (the vendor's, for the item).</summary>
    [MaxLength(VendorLimits.MaxLabOptions)]
    public required IReadOnlyList<string> LabOptions { get; init; }
    /// <summary>Our own code and description of the product.</summary>
    [MaxLength(Sales.Invoices.InvoiceLimits.CodeLength)]
    public required string Code { get; init; }
    [MaxLength(Sales.Invoices.InvoiceLimits.DescriptionLength)]
    public required string Description { get; init; }
    public required int Quantity { get; init; }
    /// <summary>Inches, width x height (8x10).</summary>
    [MaxLength(20)]
    public string? PrintSize { get; init; }
    /// <summary>The image to make it from; null for a product without one.</summary>
    public LabOrderImage? Image { get; init; }
}

public sealed class LabOrderImage
{
    public required long ImageId { get; init; }
    /// <summary>The proofing rotation the crop is drawn on: 0, 90, 180 or 270.</summary>
    public required int Rotation { get; init; }
    /// <summary>The part of the upright, rotated frame to print, in percent; null for the whole frame.</summary>
    public LabOrderCrop? Crop { get; init; }
    /// <summary>The rendered file (already cut and sized as ordered); null until the order is rendered.</summary>
    public LabOrderFile? File { get; init; }
}

/// <summary>A crop in percent of the frame (0–100), from its top left corner.</summary>
public sealed class LabOrderCrop
{
    public required double X { get; init; }
    public required double Y { get; init; }
    public required double Width { get; init; }
    public required double Height { get; init; }
}

public sealed class LabOrderFile
{
    /// <summary>Its name in a hot-folder package, and the name the lab prints on its back print.</summary>
    [MaxLength(RenderRunLimits.OutputNameLength)]
    public required string Name { get; init; }
    /// <summary>Anonymous, signed and expiring: what the lab fetches.</summary>
    [MaxLength(2000)]
    public required string Url { get; init; }
    public required DateTimeOffset UrlExpiresAt { get; init; }
    public required long Bytes { get; init; }
    /// <summary>SHA-256 of the file, lowercase hex.</summary>
    [MaxLength(64)]
    public required string Sha256 { get; init; }
    public int? WidthPx { get; init; }
    public int? HeightPx { get; init; }
}

/// <summary>Builds an order's <see cref="LabOrderDocument"/>, and finds the files behind it.</summary>
public sealed class LabOrderDocuments(StudioDbContext db, LabFileLinks links, IOptions<LabOrderOptions> options)
{
    public const string ReferencePrefix = "PO-";

    public async Task<LabOrderDocument> BuildAsync(ProductionOrder order, string baseUrl, CancellationToken ct)
    {
        var vendor = order.VendorId is { } vendorId
            ? await db.Vendors.IgnoreQueryFilters().AsNoTracking().SingleAsync(v => v.Id == vendorId, ct)
            : throw Platform.Http.Problems.ApiProblem.Conflict("The production order has no vendor: choose the lab it goes to first.");
        var client = await db.Clients.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Id == order.ClientId, ct);
        var studio = await db.GetStudioSettingsAsync(forUpdate: false, ct);
        var (run, items) = await RenderedAsync(order.Id, ct);
        var byLine = items.Where(i => i.OrderLineId is not null).GroupBy(i => i.OrderLineId!.Value).ToDictionary(g => g.Key, g => g.First());
        var products = vendor.LabProducts.ToDictionary(p => p.PriceListItemId);
        var lifetime = TimeSpan.FromDays(options.Value.AssetLinkDays);

        var shipTo = client.Addresses.OrderByDescending(a => a.IsPrimary).Select(a => a.Address).FirstOrDefault() ?? new();
        return new LabOrderDocument
        {
            Format = 1,
            ProductionOrderId = order.Id,
            OrderNumber = order.Number,
            Reference = ReferencePrefix + order.Number,
            OrderDate = order.OrderDate,
            DueDate = order.DueDate,
            Vendor = new LabOrderVendor
            {
                Id = vendor.Id, Name = vendor.Name, AccountNumber = vendor.AccountNumber, SubmissionMethod = vendor.SubmissionMethod,
                LabProtocol = vendor.LabProtocol,
            },
            ShipTo = new LabOrderAddress
            {
                Name = Trim(string.Join(' ', new[] { client.FirstName, client.LastName }.Where(n => !string.IsNullOrWhiteSpace(n))) is { Length: > 0 } person
                    ? person : client.Company ?? $"Client {client.Number}", 200),
                Line1 = shipTo.Line1, Line2 = shipTo.Line2, City = shipTo.City, Region = shipTo.Region, PostalCode = shipTo.PostalCode, Country = shipTo.Country,
                Phone = client.Phones.OrderByDescending(p => p.IsPrimary).Select(p => p.Number).FirstOrDefault(),
                Email = client.Emails.OrderByDescending(e => e.IsPrimary).Select(e => e.Address).FirstOrDefault(),
            },
            ShipFrom = new LabOrderAddress
            {
                Name = Trim(studio.Name, 200), Line1 = studio.Address.Line1, Line2 = studio.Address.Line2, City = studio.Address.City,
                Region = studio.Address.Region, PostalCode = studio.Address.PostalCode, Country = studio.Address.Country, Phone = studio.Phone,
                Email = studio.Email,
            },
            RenderRunId = run?.Id,
            Items = order.Lines.OrderBy(l => l.Position).Select(l =>
            {
                var product = l.ItemId is { } itemId ? products.GetValueOrDefault(itemId) : null;
                return new LabOrderItem
                {
                    LineId = l.Id,
                    LabCode = product?.LabCode ?? l.Code,
                    LabOptions = product?.LabOptions?.Split(',') ?? [],
                    Code = l.Code,
                    Description = l.Description,
                    Quantity = l.Quantity,
                    PrintSize = l.PrintSize,
                    Image = l.ImageId is not { } imageId ? null : new LabOrderImage
                    {
                        ImageId = imageId,
                        Rotation = l.Rotation,
                        Crop = l is { CropX: { } x, CropY: { } y, CropWidth: { } w, CropHeight: { } h }
                            ? new LabOrderCrop { X = Percent(x), Y = Percent(y), Width = Percent(w), Height = Percent(h) }
                            : null,
                        File = run is not null && byLine.TryGetValue(l.Id, out var item) ? FileOf(baseUrl, run, item, lifetime) : null,
                    },
                };
            }).ToList(),
        };
    }

    /// <summary>The order's latest render run that finished with files, and its rendered items.</summary>
    public async Task<(RenderRun? Run, IReadOnlyList<RenderRunItem> Items)> RenderedAsync(long orderId, CancellationToken ct)
    {
        var run = await db.RenderRuns.AsNoTracking()
            .Where(r => r.ProductionOrderId == orderId && (r.State == RenderRunState.Completed || r.State == RenderRunState.CompletedWithErrors))
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        if (run is null)
            return (null, []);
        var items = await db.Set<RenderRunItem>().AsNoTracking().Where(i => i.RunId == run.Id && i.State == RenderRunItemState.Done)
            .OrderBy(i => i.Id).ToListAsync(ct);
        return (run, items);
    }

    LabOrderFile FileOf(string baseUrl, RenderRun run, RenderRunItem item, TimeSpan lifetime)
    {
        var (url, expiresAt) = links.Create(baseUrl, run.Id, item.Id, item.OutputName, lifetime);
        return new LabOrderFile
        {
            Name = item.OutputName, Url = url, UrlExpiresAt = expiresAt, Bytes = item.Bytes ?? 0, Sha256 = item.Sha256 ?? "",
            WidthPx = item.WidthPx, HeightPx = item.HeightPx,
        };
    }

    // Percent with four decimals: exact enough for any print, and stable in JSON.
    static double Percent(double fraction) => Math.Round(fraction * 100, 4);

    static string Trim(string text, int length) => text.Length <= length ? text : text[..length];
}

using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Production.Vendors.Restore;

public sealed class RestoreVendorRequest
{
    public long Id { get; set; }
}

public sealed class RestoreVendorEndpoint(StudioDbContext db) : Endpoint<RestoreVendorRequest, VendorResponse>
{
    public override void Configure()
    {
        Post("/vendors/{id}/restore");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("Vendors", "Restore", "Bring a vendor back from the recycle bin",
            "It comes back without the defaults another live vendor has taken meanwhile."));
    }

    public override async Task HandleAsync(RestoreVendorRequest req, CancellationToken ct)
    {
        var vendor = await db.Set<Vendor>().IgnoreQueryFilters().SingleOrDefaultAsync(v => v.Id == req.Id && v.DeletedAt != null, ct)
                     ?? throw ApiProblem.NotFound("deleted vendor", req.Id);
        // Defaults taken by a live vendor while this one was in the bin stay with that vendor.
        var typeIds = vendor.ProductionTypes.Select(t => t.ProductionTypeId).ToList();
        var itemIds = vendor.PriceListItems.Select(i => i.PriceListItemId).ToList();
        var takers = await db.Set<Vendor>().AsNoTracking()
            .Where(v => v.ProductionTypes.Any(t => typeIds.Contains(t.ProductionTypeId)) || v.PriceListItems.Any(i => itemIds.Contains(i.PriceListItemId)))
            .ToListAsync(ct);
        var takenTypes = takers.SelectMany(v => v.ProductionTypes).Select(t => t.ProductionTypeId).ToHashSet();
        var takenItems = takers.SelectMany(v => v.PriceListItems).Select(i => i.PriceListItemId).ToHashSet();
        if (vendor.ProductionTypes.Any(t => takenTypes.Contains(t.ProductionTypeId)))
            vendor.ProductionTypes = vendor.ProductionTypes.Where(t => !takenTypes.Contains(t.ProductionTypeId))
                .Select(t => new VendorProductionType { ProductionTypeId = t.ProductionTypeId }).ToList();
        if (vendor.PriceListItems.Any(i => takenItems.Contains(i.PriceListItemId)))
            vendor.PriceListItems = vendor.PriceListItems.Where(i => !takenItems.Contains(i.PriceListItemId))
                .Select(i => new VendorPriceListItem { PriceListItemId = i.PriceListItemId }).ToList();
        db.Restore(vendor);
        await db.SaveOrConflictAsync("Vendors", "Name", $"Another vendor is now named {vendor.Name}; rename it first.", ct);

        HttpContext.WriteETag(vendor);
        await Send.OkAsync(VendorResponse.From(vendor), ct);
    }
}

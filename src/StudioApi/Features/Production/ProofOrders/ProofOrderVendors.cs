using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using StudioApi.Features.Production.Vendors;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Production.ProofOrders;

public static class ProofOrderVendors
{
    /// <summary>400 naming vendorId unless it is a live vendor (or unchanged, or none).</summary>
    public static async Task CheckAsync(StudioDbContext db, long? vendorId, long? current, CancellationToken ct)
    {
        if (vendorId is { } id && id != current && !await db.Set<Vendor>().AnyAsync(v => v.Id == id, ct))
            throw ApiProblem.InvalidInput("vendorId", $"There is no vendor {id}.");
    }
}

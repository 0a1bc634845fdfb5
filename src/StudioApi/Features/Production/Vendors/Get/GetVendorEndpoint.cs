using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Production.Vendors.Get;

public sealed class GetVendorRequest
{
    public long Id { get; set; }
}

public sealed class GetVendorEndpoint(StudioDbContext db) : Endpoint<GetVendorRequest, VendorResponse>
{
    public override void Configure()
    {
        Get("/vendors/{id}");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("Vendors", "Get", "Get a vendor"));
    }

    public override async Task HandleAsync(GetVendorRequest req, CancellationToken ct)
    {
        var vendor = await db.Set<Vendor>().AsNoTracking().SingleOrDefaultAsync(v => v.Id == req.Id, ct)
                     ?? throw ApiProblem.NotFound("vendor", req.Id);
        HttpContext.WriteETag(vendor);
        await Send.OkAsync(VendorResponse.From(vendor), ct);
    }
}

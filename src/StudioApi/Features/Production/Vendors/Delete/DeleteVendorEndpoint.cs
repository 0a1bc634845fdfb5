using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Production.Vendors.Delete;

public sealed class DeleteVendorRequest
{
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class DeleteVendorEndpoint(StudioDbContext db) : Endpoint<DeleteVendorRequest>
{
    public override void Configure()
    {
        Delete("/vendors/{id}");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("Vendors", "Delete", "Move a vendor to the recycle bin",
            "Production and proof orders keep the vendor they name; a deleted vendor is no longer anyone's default."));
    }

    public override async Task HandleAsync(DeleteVendorRequest req, CancellationToken ct)
    {
        var vendor = await db.Set<Vendor>().SingleOrDefaultAsync(v => v.Id == req.Id, ct)
                     ?? throw ApiProblem.NotFound("vendor", req.Id);
        db.MatchVersion(vendor, req.IfMatch);
        db.SoftDelete(vendor);
        await db.SaveChangesAsync(ct);
        await Send.NoContentAsync(ct);
    }
}

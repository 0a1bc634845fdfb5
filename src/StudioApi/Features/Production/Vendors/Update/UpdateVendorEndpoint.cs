using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Production.Vendors.Update;

public sealed class UpdateVendorRequest : VendorInput
{
    [RouteParam]
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class UpdateVendorValidator : Validator<UpdateVendorRequest>
{
    public UpdateVendorValidator() => Include(new VendorInputValidator());
}

public sealed class UpdateVendorEndpoint(StudioDbContext db, LabSecrets secrets) : Endpoint<UpdateVendorRequest, VendorResponse>
{
    public override void Configure()
    {
        Put("/vendors/{id}");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("Vendors", "Update", "Replace a vendor's fields",
            "Production orders already made keep their vendor; the defaults apply to orders made from now on."));
    }

    public override async Task HandleAsync(UpdateVendorRequest req, CancellationToken ct)
    {
        var vendor = await db.Set<Vendor>().SingleOrDefaultAsync(v => v.Id == req.Id, ct)
                     ?? throw ApiProblem.NotFound("vendor", req.Id);
        db.MatchVersion(vendor, req.IfMatch);
        await VendorDefaults.CheckAsync(db, req, vendor.Id, ct);
        req.ApplyTo(vendor, secrets);
        await db.SaveOrConflictAsync("Vendors", "Name", $"A vendor named {vendor.Name} already exists.", ct);

        HttpContext.WriteETag(vendor);
        await Send.OkAsync(VendorResponse.From(vendor), ct);
    }
}

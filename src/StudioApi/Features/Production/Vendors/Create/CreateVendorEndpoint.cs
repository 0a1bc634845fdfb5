using FastEndpoints;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Production.Vendors.Create;

public sealed class CreateVendorRequest : VendorInput
{
    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }
}

public sealed class CreateVendorValidator : Validator<CreateVendorRequest>
{
    public CreateVendorValidator() => Include(new VendorInputValidator());
}

public sealed class CreateVendorEndpoint(StudioDbContext db, LabSecrets secrets) : Endpoint<CreateVendorRequest, VendorResponse>
{
    public override void Configure()
    {
        Post("/vendors");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("Vendors", "Create", "Create a vendor",
            "A lab or supplier: contact, account number, how orders reach it (manual, hotFolderZip, labApi with its protocol) and the "
            + "production types and price list items it is the default vendor of (an unknown one is a 400 naming it; one that already "
            + "has another default vendor a 422).").AcceptsIdempotencyKey());
    }

    public override async Task HandleAsync(CreateVendorRequest req, CancellationToken ct)
    {
        await VendorDefaults.CheckAsync(db, req, selfId: null, ct);
        var vendor = new Vendor();
        req.ApplyTo(vendor, secrets);
        db.Set<Vendor>().Add(vendor);
        await db.SaveOrConflictAsync("Vendors", "Name", $"A vendor named {vendor.Name} already exists.", ct);

        HttpContext.WriteETag(vendor);
        await Send.CreatedAtAsync("Vendors_Get", new { id = vendor.Id }, VendorResponse.From(vendor), cancellation: ct);
    }
}

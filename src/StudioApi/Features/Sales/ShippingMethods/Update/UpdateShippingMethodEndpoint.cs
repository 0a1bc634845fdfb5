using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.ShippingMethods.Update;

public sealed class UpdateShippingMethodRequest : ShippingMethodInput
{
    [RouteParam]
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class UpdateShippingMethodValidator : Validator<UpdateShippingMethodRequest>
{
    public UpdateShippingMethodValidator() => Include(new ShippingMethodInputValidator());
}

public sealed class UpdateShippingMethodEndpoint(StudioDbContext db) : Endpoint<UpdateShippingMethodRequest, ShippingMethodResponse>
{
    public override void Configure()
    {
        Put("/shipping-methods/{id}");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("ShippingMethods", "Update", "Replace a shipping method's fields"));
    }

    public override async Task HandleAsync(UpdateShippingMethodRequest req, CancellationToken ct)
    {
        var record = await db.ShippingMethods.SingleOrDefaultAsync(m => m.Id == req.Id, ct)
                     ?? throw ApiProblem.NotFound("shipping method", req.Id);
        db.MatchVersion(record, req.IfMatch);
        req.ApplyTo(record);
        await db.SaveOrConflictAsync("ShippingMethods", "Name", $"A shipping method named {record.Name} already exists.", ct);

        HttpContext.WriteETag(record);
        await Send.OkAsync(ShippingMethodResponse.From(record), ct);
    }
}

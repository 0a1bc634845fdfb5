using FastEndpoints;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.ShippingMethods.Create;

public sealed class CreateShippingMethodRequest : ShippingMethodInput
{
    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }
}

public sealed class CreateShippingMethodValidator : Validator<CreateShippingMethodRequest>
{
    public CreateShippingMethodValidator() => Include(new ShippingMethodInputValidator());
}

public sealed class CreateShippingMethodEndpoint(StudioDbContext db) : Endpoint<CreateShippingMethodRequest, ShippingMethodResponse>
{
    public override void Configure()
    {
        Post("/shipping-methods");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("ShippingMethods", "Create", "Create a shipping method", "A way orders reach clients, at a price in the studio's currency.").AcceptsIdempotencyKey());
    }

    public override async Task HandleAsync(CreateShippingMethodRequest req, CancellationToken ct)
    {
        var record = new ShippingMethod();
        req.ApplyTo(record);
        db.ShippingMethods.Add(record);
        await db.SaveOrConflictAsync("ShippingMethods", "Name", $"A shipping method named {record.Name} already exists.", ct);

        HttpContext.WriteETag(record);
        await Send.CreatedAtAsync("ShippingMethods_Get", new { id = record.Id }, ShippingMethodResponse.From(record), cancellation: ct);
    }
}

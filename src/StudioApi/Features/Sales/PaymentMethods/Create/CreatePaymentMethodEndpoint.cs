using FastEndpoints;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.PaymentMethods.Create;

public sealed class CreatePaymentMethodRequest : PaymentMethodInput
{
    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }
}

public sealed class CreatePaymentMethodValidator : Validator<CreatePaymentMethodRequest>
{
    public CreatePaymentMethodValidator() => Include(new PaymentMethodInputValidator());
}

public sealed class CreatePaymentMethodEndpoint(StudioDbContext db) : Endpoint<CreatePaymentMethodRequest, PaymentMethodResponse>
{
    public override void Configure()
    {
        Post("/payment-methods");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("PaymentMethods", "Create", "Create a payment method", "How clients pay: cash, check, a card, a gift certificate.").AcceptsIdempotencyKey());
    }

    public override async Task HandleAsync(CreatePaymentMethodRequest req, CancellationToken ct)
    {
        var record = new PaymentMethod();
        req.ApplyTo(record);
        db.PaymentMethods.Add(record);
        await db.SaveOrConflictAsync("PaymentMethods", "Name", $"A payment method named {record.Name} already exists.", ct);

        HttpContext.WriteETag(record);
        await Send.CreatedAtAsync("PaymentMethods_Get", new { id = record.Id }, PaymentMethodResponse.From(record), cancellation: ct);
    }
}

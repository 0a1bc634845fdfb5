using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.PaymentMethods.Update;

public sealed class UpdatePaymentMethodRequest : PaymentMethodInput
{
    [RouteParam]
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class UpdatePaymentMethodValidator : Validator<UpdatePaymentMethodRequest>
{
    public UpdatePaymentMethodValidator() => Include(new PaymentMethodInputValidator());
}

public sealed class UpdatePaymentMethodEndpoint(StudioDbContext db) : Endpoint<UpdatePaymentMethodRequest, PaymentMethodResponse>
{
    public override void Configure()
    {
        Put("/payment-methods/{id}");
        Roles(Platform.Auth.Roles.AdminOnly);
        Description(d => d.Operation("PaymentMethods", "Update", "Replace a payment method's fields"));
    }

    public override async Task HandleAsync(UpdatePaymentMethodRequest req, CancellationToken ct)
    {
        var record = await db.PaymentMethods.SingleOrDefaultAsync(m => m.Id == req.Id, ct)
                     ?? throw ApiProblem.NotFound("payment method", req.Id);
        db.MatchVersion(record, req.IfMatch);
        req.ApplyTo(record);
        await db.SaveOrConflictAsync("PaymentMethods", "Name", $"A payment method named {record.Name} already exists.", ct);

        HttpContext.WriteETag(record);
        await Send.OkAsync(PaymentMethodResponse.From(record), ct);
    }
}

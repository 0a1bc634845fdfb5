using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Paging;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.PaymentMethods.List;

public sealed class ListPaymentMethodsRequest : ListRequest
{
    /// <summary>Text found in the name.</summary>
    public string? Q { get; set; }

    /// <summary>true lists only active ones (a pick list), false only inactive ones; omit for both.</summary>
    public bool? Active { get; set; }

    /// <summary>true lists the recycle bin instead of the live records.</summary>
    public bool? Deleted { get; set; }
}

public sealed class ListPaymentMethodsValidator() : ListRequestValidator<ListPaymentMethodsRequest, PaymentMethod>(ListPaymentMethodsEndpoint.SortKeys)
{
}

public sealed class ListPaymentMethodsEndpoint(StudioDbContext db) : Endpoint<ListPaymentMethodsRequest, Page<PaymentMethodResponse>>
{
    internal static readonly SortKeys<PaymentMethod> SortKeys = new SortKeys<PaymentMethod>("sortOrder")
        .Add("sortOrder", m => m.SortOrder)
        .Add("name", m => m.Name);

    public override void Configure()
    {
        Get("/payment-methods");
        Roles(Platform.Auth.Roles.AnyStaff);
        Description(d => d.Operation("PaymentMethods", "List", "List payment methods"));
    }

    public override async Task HandleAsync(ListPaymentMethodsRequest req, CancellationToken ct)
    {
        var query = db.PaymentMethods.AsNoTracking();
        if (req.Deleted == true)
            query = query.IgnoreQueryFilters().Where(m => m.DeletedAt != null);
        if (req.Active is { } active)
            query = query.Where(m => m.IsActive == active);
        if (!string.IsNullOrWhiteSpace(req.Q))
        {
            var pattern = Like.Contains(req.Q);
            query = query.Where(m => EF.Functions.Like(m.Name, pattern, Like.Escape));
        }

        await Send.OkAsync(await query.ToPageAsync(req, SortKeys, PaymentMethodResponse.From, ct), ct);
    }
}

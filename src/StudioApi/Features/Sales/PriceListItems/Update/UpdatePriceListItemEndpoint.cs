using FastEndpoints;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.PriceListItems.Update;

public sealed class UpdatePriceListItemRequest : PriceListItemInput
{
    [RouteParam]
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class UpdatePriceListItemValidator : Validator<UpdatePriceListItemRequest>
{
    public UpdatePriceListItemValidator() => Include(new PriceListItemInputValidator());
}

public sealed class UpdatePriceListItemEndpoint(StudioDbContext db) : Endpoint<UpdatePriceListItemRequest, PriceListItemResponse>
{
    public override void Configure()
    {
        Put("/price-list-items/{id}");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("PriceListItems", "Update", "Replace a price list item's fields",
            "It stays in its list and place. Invoices that sold it keep what they sold it for. An item in a package cannot "
            + "become a package or a promotion, nor one a promotion applies to a promotion (400 on type)."));
    }

    public override async Task HandleAsync(UpdatePriceListItemRequest req, CancellationToken ct)
    {
        var item = await db.PriceListItems.SingleOrDefaultAsync(i => i.Id == req.Id, ct)
                   ?? throw ApiProblem.NotFound("price list item", req.Id);
        db.MatchVersion(item, req.IfMatch);
        var lookup = await ItemReferences.LoadAsync(db, item.PriceListId, req, item.Id, ct);
        foreach (var (field, reason) in ItemReferences.Check(req, item.Id, item.ProductionTypeId, lookup))
            AddError(new ValidationFailure(field, reason));
        ThrowIfAnyErrors();

        req.ApplyTo(item);
        await db.SaveItemAsync(item, ct);

        HttpContext.WriteETag(item);
        var components = await PriceListItemResponse.ComponentsOfAsync(db, [item], ct);
        await Send.OkAsync(PriceListItemResponse.From(item, components, PriceListItemResponse.SeesCost(User)), ct);
    }
}

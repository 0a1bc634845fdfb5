using FastEndpoints;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.Idempotency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.PriceListItems.Create;

public sealed class CreatePriceListItemRequest : PriceListItemInput
{
    /// <summary>The price list.</summary>
    [RouteParam]
    public long Id { get; set; }

    [FromHeader(IdempotencyEndpointExtensions.Header, isRequired: false)]
    public string? IdempotencyKey { get; set; }
}

public sealed class CreatePriceListItemValidator : Validator<CreatePriceListItemRequest>
{
    public CreatePriceListItemValidator() => Include(new PriceListItemInputValidator());
}

public sealed class CreatePriceListItemEndpoint(StudioDbContext db) : Endpoint<CreatePriceListItemRequest, PriceListItemResponse>
{
    public override void Configure()
    {
        Post("/price-lists/{id}/items");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("PriceListItems", "Create", "Add an item to a price list",
                "Placed after the list's last item. Its code is unique in the list (any case): a code taken is a 409; a "
                + "group, component or promotion target not of this list is a 400 naming the field.")
            .AcceptsIdempotencyKey());
    }

    public override async Task HandleAsync(CreatePriceListItemRequest req, CancellationToken ct)
    {
        if (!await db.PriceLists.AnyAsync(l => l.Id == req.Id, ct))
            throw ApiProblem.NotFound("price list", req.Id);
        var lookup = await ItemReferences.LoadAsync(db, req.Id, req, selfId: null, ct);
        foreach (var (field, reason) in ItemReferences.Check(req, selfId: null, currentProductionTypeId: null, lookup))
            AddError(new ValidationFailure(field, reason));
        ThrowIfAnyErrors();

        var item = new PriceListItem { PriceListId = req.Id };
        req.ApplyTo(item);
        var last = await db.PriceListItems.IgnoreQueryFilters().Where(i => i.PriceListId == req.Id).MaxAsync(i => (int?)i.Position, ct) ?? 0;
        item.Position = last + 10;
        db.PriceListItems.Add(item);
        await db.SaveItemAsync(item, ct);

        HttpContext.WriteETag(item);
        var components = await PriceListItemResponse.ComponentsOfAsync(db, [item], ct);
        await Send.CreatedAtAsync("PriceListItems_Get", new { id = item.Id },
            PriceListItemResponse.From(item, components, PriceListItemResponse.SeesCost(User)), cancellation: ct);
    }
}

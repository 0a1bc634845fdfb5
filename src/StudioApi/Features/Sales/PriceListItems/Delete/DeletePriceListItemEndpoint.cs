using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.PriceListItems.Delete;

public sealed class DeletePriceListItemRequest
{
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class DeletePriceListItemEndpoint(StudioDbContext db) : Endpoint<DeletePriceListItemRequest>
{
    public override void Configure()
    {
        Delete("/price-list-items/{id}");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d
            .Answers(StatusCodes.Status409Conflict, "A live package holds the item or a live promotion applies to it (listed in usedBy).")
            .Operation("PriceListItems", "Delete", "Move a price list item to the recycle bin",
                "Invoices that sold it keep what they sold. Refused while a package holds it or a promotion applies to it."));
    }

    public override async Task HandleAsync(DeletePriceListItemRequest req, CancellationToken ct)
    {
        var item = await db.PriceListItems.SingleOrDefaultAsync(i => i.Id == req.Id, ct)
                   ?? throw ApiProblem.NotFound("price list item", req.Id);
        db.MatchVersion(item, req.IfMatch);
        var uses = await ItemReferences.UsesAsync(db, item, ct);
        if (uses.Count > 0)
            throw ApiProblem.Conflict($"Item {item.Code} is in use: {string.Join("; ", uses)}. Take it out of those first.",
                new Dictionary<string, object?> { ["usedBy"] = uses });

        db.SoftDelete(item);
        await db.SaveChangesAsync(ct);
        await Send.NoContentAsync(ct);
    }
}

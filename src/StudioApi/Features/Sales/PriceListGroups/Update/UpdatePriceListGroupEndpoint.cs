using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.PriceListGroups.Update;

public sealed class UpdatePriceListGroupRequest : PriceListGroupInput
{
    [RouteParam]
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class UpdatePriceListGroupValidator : Validator<UpdatePriceListGroupRequest>
{
    public UpdatePriceListGroupValidator() => Include(new PriceListGroupInputValidator());
}

public sealed class UpdatePriceListGroupEndpoint(StudioDbContext db) : Endpoint<UpdatePriceListGroupRequest, PriceListGroupResponse>
{
    public override void Configure()
    {
        Put("/price-list-groups/{id}");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d.Operation("PriceLists", "UpdateGroup", "Rename a price list group",
            "Its place changes with POST /price-lists/{id}/groups/reorder."));
    }

    public override async Task HandleAsync(UpdatePriceListGroupRequest req, CancellationToken ct)
    {
        var group = await db.PriceListGroups.SingleOrDefaultAsync(g => g.Id == req.Id, ct)
                    ?? throw ApiProblem.NotFound("price list group", req.Id);
        db.MatchVersion(group, req.IfMatch);
        req.ApplyTo(group);
        await db.SaveGroupAsync(group, ct);

        HttpContext.WriteETag(group);
        await Send.OkAsync(PriceListGroupResponse.From(group), ct);
    }
}

using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using StudioApi.Platform.Http.Concurrency;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Platform.Http.Problems;
using StudioApi.Platform.Persistence;

namespace StudioApi.Features.Sales.PriceLists.Update;

public sealed class UpdatePriceListRequest : PriceListInput
{
    [RouteParam]
    public long Id { get; set; }

    [FromHeader(Versioning.IfMatchHeader, isRequired: false)]
    public string? IfMatch { get; set; }
}

public sealed class UpdatePriceListValidator : Validator<UpdatePriceListRequest>
{
    public UpdatePriceListValidator() => Include(new PriceListInputValidator());
}

public sealed class UpdatePriceListEndpoint(StudioDbContext db) : Endpoint<UpdatePriceListRequest, PriceListResponse>
{
    public override void Configure()
    {
        Put("/price-lists/{id}");
        Roles(Platform.Auth.Roles.FrontDesk);
        Description(d => d
            .Answers(StatusCodes.Status409Conflict, "The name is taken, or another list already has one of its uses (listed in taken).")
            .Operation("PriceLists", "Update", "Replace a price list's name and uses",
                "Its groups and items are changed by their own operations."));
    }

    public override async Task HandleAsync(UpdatePriceListRequest req, CancellationToken ct)
    {
        var list = await db.PriceLists.SingleOrDefaultAsync(l => l.Id == req.Id, ct)
                   ?? throw ApiProblem.NotFound("price list", req.Id);
        db.MatchVersion(list, req.IfMatch);
        (await PriceListUses.CheckReferencesAsync(db, req, ct)).ForEach(AddError);
        ThrowIfAnyErrors();
        req.ApplyTo(list);
        await PriceListUses.ThrowIfTakenAsync(db, list.Id, list.Assignments, ct);
        await db.SavePriceListAsync(list, ct);

        HttpContext.WriteETag(list);
        await Send.OkAsync(await PriceListResponse.OneAsync(db, list, ct), ct);
    }
}
